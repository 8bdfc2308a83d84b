package io.atrest.scanner.check;

/** Lets checks outside this package dress a verdict as a finding. */
public final class VerdictFindings {
    private VerdictFindings() {}

    public static Finding of(CheckInfo info, ResourceRef resource, String classification, Verdict verdict) {
        return Findings.of(info, resource, classification, verdict);
    }
}
