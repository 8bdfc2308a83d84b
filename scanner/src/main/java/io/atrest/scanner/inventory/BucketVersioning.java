package io.atrest.scanner.inventory;

public record BucketVersioning(VersioningStatus status, boolean mfaDelete) {

    public static final BucketVersioning NEVER_ENABLED = new BucketVersioning(VersioningStatus.NEVER_ENABLED, false);

    public boolean enabled() {
        return status == VersioningStatus.ENABLED;
    }
}
