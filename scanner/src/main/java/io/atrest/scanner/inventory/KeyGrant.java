package io.atrest.scanner.inventory;

import java.util.List;

/**
 * A grant on a KMS key (ListGrants): it lets its grantee use the key for its operations without
 * the key policy or IAM, until it is retired or revoked.
 *
 * @param grantee the grantee principal (an IAM ARN, or a service principal)
 * @param operations the operations it allows ("Decrypt", "GenerateDataKey", ...)
 * @param constrained whether it carries encryption-context constraints (then it decrypts only what matches them)
 */
public record KeyGrant(String grantId, String grantee, List<String> operations, boolean constrained) {

    public KeyGrant {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
