package io.atrest.scanner.policy;

/**
 * What a level demands of who may use the keys of its data, judged on the effective access
 * (key policy joined with the account's identity policies, boundaries, grants and SCPs).
 *
 * @param leastPrivilege no customer-written identity policy allows kms:*, or decrypt-class actions on every key,
 *     to a principal that can reach a key protecting the level's data ({@code leastPrivilegeKeyAccess})
 * @param maxDecryptPrincipals at most this many principals may decrypt a key protecting the level's data; null: not judged
 * @param decryptByRolesOnly no IAM user with long-term access keys may decrypt it: only roles, whose credentials expire
 * @param separateAdministration no principal that can administer (PutKeyPolicy) or delete (ScheduleKeyDeletion) the key may
 *     also decrypt with it ({@code separateKeyAdministration})
 */
public record KeyAccessRules(boolean leastPrivilege, Integer maxDecryptPrincipals, boolean decryptByRolesOnly,
                             boolean separateAdministration) {

    /** A level that demands nothing of key access. */
    public static final KeyAccessRules NONE = new KeyAccessRules(false, null, false, false);

    /** Whether the decrypting principals are judged at all. */
    public boolean judgesDecryptors() {
        return maxDecryptPrincipals != null || decryptByRolesOnly;
    }
}
