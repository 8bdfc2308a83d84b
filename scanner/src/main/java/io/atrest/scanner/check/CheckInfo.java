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

    /** A check's metadata, named field by field: {@code CheckInfo.builder("s3-versioning").title(...)...build()}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link CheckInfo}; every field but {@link #severityByLevel()} and {@link #mappedTo} is required. */
    public static final class Builder {
        private final String id;
        private String title;
        private ResourceType resourceType;
        private Severity severity;
        private boolean severityByLevel;
        private String passesWhen;
        private String rationale;
        private Remediation remediation;
        private List<String> mappedTo = List.of();

        private Builder(String id) {
            this.id = id;
        }

        /** What the check asks, as a statement that holds when it passes. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The kind of resource its findings are about. */
        public Builder resourceType(ResourceType resourceType) {
            this.resourceType = resourceType;
            return this;
        }

        /** The severity of a failure (the base one, when {@link #severityByLevel()} lets the policy set it per level). */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /** The classification policy sets the severity of a failure, per level. */
        public Builder severityByLevel() {
            this.severityByLevel = true;
            return this;
        }

        /** Exactly when a resource passes: what the check reads and how. */
        public Builder passesWhen(String passesWhen) {
            this.passesWhen = passesWhen;
            return this;
        }

        /** Why it matters. */
        public Builder rationale(String rationale) {
            this.rationale = rationale;
            return this;
        }

        /** The fix: the steps in the console, and an AWS CLI command with placeholders in angle brackets. */
        public Builder remediation(String console, String cli) {
            this.remediation = new Remediation(console, cli);
            return this;
        }

        /** Ids other frameworks give the same idea: "FSBP S3.5", "CIS 2.1.1", "Config s3-...", "Prowler s3_...". */
        public Builder mappedTo(String... ids) {
            this.mappedTo = List.of(ids);
            return this;
        }

        public CheckInfo build() {
            return new CheckInfo(id, title, resourceType, severity, severityByLevel, passesWhen, rationale, remediation, mappedTo);
        }
    }
}
