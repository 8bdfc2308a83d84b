package io.atrest.scanner.inventory;

/** Where a KMS key's material comes from. */
public enum KeyOrigin {
    AWS_KMS,
    /** Imported key material, which can expire. */
    EXTERNAL,
    AWS_CLOUDHSM,
    EXTERNAL_KEY_STORE,
    UNKNOWN
}
