package io.atrest.scanner.access;

import io.atrest.scanner.iam.KmsActions;

/**
 * What a principal can do with a key, each as the KMS actions that give it: reading the data it
 * protects, changing who may use it, and destroying it.
 */
public enum KeyCapability {
    /**
     * Decrypt, or ReEncryptFrom (which decrypts under this key on the way to another), or
     * CreateGrant for itself (a grant to oneself is a decrypt one call later). GenerateDataKey only
     * protects new data: it reads nothing already written.
     */
    DECRYPT(KmsActions.of("Decrypt", "ReEncryptFrom", "CreateGrant")),
    /** PutKeyPolicy: whoever can rewrite the key policy can give anyone, themselves included, anything. */
    ADMINISTER(KmsActions.of("PutKeyPolicy")),
    /** ScheduleKeyDeletion: after the waiting period, every store under the key is unreadable for good. */
    DELETE(KmsActions.of("ScheduleKeyDeletion"));

    private final KmsActions actions;

    KeyCapability(KmsActions actions) {
        this.actions = actions;
    }

    public KmsActions actions() {
        return actions;
    }

    /** How people read it: "decrypt", "administer", "delete". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
