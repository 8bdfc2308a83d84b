package io.atrest.scanner.inventory;

/**
 * The AWS Organization scanned, or a standalone account when Organizations is not in use.
 *
 * @param id the organization id (o-...), or null for a standalone account
 */
public record Organization(String id, String managementAccountId) {

    public static Organization standalone(String accountId) {
        return new Organization(null, accountId);
    }

    public boolean isStandalone() {
        return id == null;
    }
}
