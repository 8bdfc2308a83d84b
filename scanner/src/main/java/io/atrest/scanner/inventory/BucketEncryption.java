package io.atrest.scanner.inventory;

/**
 * A bucket's default encryption rule.
 *
 * @param kmsKeyRef the key as configured (key id, key ARN, alias name or alias ARN); null with
 *     SSE-KMS means the account's {@code aws/s3} key
 */
public record BucketEncryption(EncryptionType type, String kmsKeyRef, boolean bucketKeyEnabled) {

    public static final BucketEncryption NONE = new BucketEncryption(EncryptionType.NONE, null, false);

    public BucketEncryption {
        if (type == null) {
            throw new IllegalArgumentException("encryption type is required");
        }
    }
}
