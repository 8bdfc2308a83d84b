package io.atrest.scanner.check;

import io.atrest.scanner.check.kms.KmsPendingDeletionInUse;
import io.atrest.scanner.check.kms.KmsRotation;
import io.atrest.scanner.check.s3.S3BlockPublicAccess;
import io.atrest.scanner.check.s3.S3DefaultEncryption;
import io.atrest.scanner.check.s3.S3KeyTier;
import io.atrest.scanner.check.s3.S3Versioning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every check atrest ships, in reference order. The generated docs/checks.md reads this list. */
public final class CheckCatalog {

    private final Map<String, Check> checks = new LinkedHashMap<>();

    private CheckCatalog(List<Check> checks) {
        for (Check check : checks) {
            if (this.checks.put(check.info().id(), check) != null) {
                throw new IllegalStateException("duplicate check id " + check.info().id());
            }
        }
    }

    public static CheckCatalog standard() {
        return new CheckCatalog(List.of(
                new S3DefaultEncryption(),
                new S3KeyTier(),
                new S3Versioning(),
                new S3BlockPublicAccess(),
                new KmsRotation(),
                new KmsPendingDeletionInUse()));
    }

    public static CheckCatalog of(List<Check> checks) {
        return new CheckCatalog(checks);
    }

    public List<Check> checks() {
        return List.copyOf(checks.values());
    }

    public Optional<Check> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }
}
