package io.atrest.scanner.keys;

import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.KeyTier;

/**
 * What a store's key reference resolved to. Either a tier (with the key record when the
 * inventory holds it), or the reason it could not be resolved, never a guess.
 *
 * @param key the key record; null for a store without KMS, an AWS-managed key not yet created, or an unresolved reference
 * @param unresolvedReason null when resolved
 * @param detail what was looked up and why it failed, for evidence
 */
public record KeyResolution(KeyTier tier, KmsKey key, ErrorReason unresolvedReason, String operation, String detail) {

    public static KeyResolution tier(KeyTier tier) {
        return new KeyResolution(tier, null, null, null, null);
    }

    public static KeyResolution key(KmsKey key) {
        KeyTier tier = key.customerManaged() ? KeyTier.KMS_CUSTOMER_MANAGED : KeyTier.KMS_AWS_MANAGED;
        return new KeyResolution(tier, key, null, null, null);
    }

    public static KeyResolution unresolved(ErrorReason reason, String operation, String detail) {
        return new KeyResolution(null, null, reason, operation, detail);
    }

    public boolean resolved() {
        return unresolvedReason == null;
    }
}
