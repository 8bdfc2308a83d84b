package io.atrest.scanner.inventory;

/** KMS key states, as DescribeKey reports them; UNKNOWN for a state newer than this program. */
public enum KeyState {
    CREATING,
    ENABLED,
    DISABLED,
    PENDING_DELETION,
    PENDING_IMPORT,
    PENDING_REPLICA_DELETION,
    UNAVAILABLE,
    UPDATING,
    UNKNOWN;

    public boolean pendingDeletion() {
        return this == PENDING_DELETION || this == PENDING_REPLICA_DELETION;
    }
}
