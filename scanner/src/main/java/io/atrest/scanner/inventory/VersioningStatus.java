package io.atrest.scanner.inventory;

/** S3 versioning state. A bucket that never had versioning reports no status at all: {@link #NEVER_ENABLED}. */
public enum VersioningStatus {
    NEVER_ENABLED,
    ENABLED,
    SUSPENDED
}
