package io.atrest.scanner.inventory;

/**
 * How a data store encrypts its data at rest, as the service reports it, before its key is
 * resolved.
 *
 * @param kind NONE, PROVIDER_OWNED (keys the service owns), or KMS
 * @param kmsKeyRef for KMS: the key as the store names it (id, ARN, alias); null means
 *     {@code defaultAlias}
 * @param defaultAlias for KMS: the AWS-managed key used when no key is named ({@code alias/aws/s3})
 */
public record StoreEncryption(Kind kind, String kmsKeyRef, String defaultAlias) {

    public enum Kind { NONE, PROVIDER_OWNED, KMS }

    public static final StoreEncryption NONE = new StoreEncryption(Kind.NONE, null, null);
    public static final StoreEncryption PROVIDER_OWNED = new StoreEncryption(Kind.PROVIDER_OWNED, null, null);

    public static StoreEncryption kms(String keyRef, String defaultAlias) {
        return new StoreEncryption(Kind.KMS, keyRef, defaultAlias);
    }

    /** The reference to resolve: the named key, else the service's AWS-managed key. */
    public String effectiveKeyRef() {
        return kmsKeyRef != null ? kmsKeyRef : defaultAlias;
    }
}
