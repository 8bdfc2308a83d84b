package io.atrest.scanner.check;

import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a check is, for people and for the generated reference: the single source of its id,
 * title, severity, rationale, remediation, and the ids other tools give the same idea.
 *
 * @param severityByLevel whether the classification policy sets the severity of a failure
 * @param mappedTo ids in other frameworks: "FSBP S3.5", "CIS 2.1.1", "Config s3-...", "Prowler s3_..."
 */
public record CheckInfo(
        String id,
        String title,
        ResourceType resourceType,
        Severity severity,
        boolean severityByLevel,
        String passesWhen,
        String rationale,
        Remediation remediation,
        List<String> mappedTo) {

    public CheckInfo {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("check ids are lower-case words joined by '-': " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(passesWhen, "passesWhen");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
        mappedTo = List.copyOf(mappedTo);
    }
}
