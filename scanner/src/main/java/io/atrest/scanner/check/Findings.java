package io.atrest.scanner.check;

/** Dresses a verdict as a finding. */
final class Findings {
    private Findings() {}

    static Finding of(CheckInfo info, ResourceRef resource, String classification, Verdict verdict) {
        return new Finding(
                info.id(),
                verdict.severity() != null ? verdict.severity() : info.severity(),
                verdict.outcome(),
                verdict.reason(),
                verdict.failedOperation(),
                resource,
                classification,
                verdict.message(),
                verdict.evidence());
    }
}
