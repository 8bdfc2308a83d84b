package io.atrest.scanner.inventory;

/** A bucket's default server-side encryption. */
public enum EncryptionType {
    /** No default encryption rule (only possible on buckets and APIs predating January 2023's default SSE-S3). */
    NONE,
    /** SSE-S3, AES256: keys owned and managed by S3. */
    SSE_S3,
    /** SSE-KMS, aws:kms. */
    SSE_KMS,
    /** DSSE-KMS, aws:kms:dsse: two layers, both with the KMS key. */
    DSSE_KMS;

    public boolean usesKms() {
        return this == SSE_KMS || this == DSSE_KMS;
    }
}
