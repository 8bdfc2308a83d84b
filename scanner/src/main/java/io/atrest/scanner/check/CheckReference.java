package io.atrest.scanner.check;

import java.util.Locale;

/** Renders the catalog as the Markdown reference in docs/checks.md: the one place checks are described. */
public final class CheckReference {
    private CheckReference() {}

    /** Writes the reference to the file named by the first argument: the build runs this for docs/checks.md. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(args[0]);
        String markdown = markdown(CheckCatalog.standard());
        if (!java.nio.file.Files.exists(file) || !java.nio.file.Files.readString(file).equals(markdown)) {
            java.nio.file.Files.writeString(file, markdown);
        }
    }

    public static String markdown(CheckCatalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# Check reference\n\n");
        md.append("Generated from the check catalog by `atrest checks --format markdown`; do not edit by hand.\n\n");
        md.append("Outcomes: PASS, FAIL, NOT_APPLICABLE (the check does not apply to this resource), and ")
                .append("NOT_EVALUATED with a reason (ACCESS_DENIED, THROTTLED, REGION_DISABLED, NOT_FOUND, TIMEOUT, ")
                .append("API_ERROR) and the operation that failed. NOT_EVALUATED is never a pass: it lowers coverage.\n\n");
        md.append("| id | resource | severity | passes when |\n|---|---|---|---|\n");
        for (Check check : catalog.checks()) {
            CheckInfo info = check.info();
            md.append("| [`").append(info.id()).append("`](#").append(info.id()).append(") | ")
                    .append(info.resourceType()).append(" | ").append(severity(info)).append(" | ")
                    .append(cell(info.passesWhen())).append(" |\n");
        }
        for (Check check : catalog.checks()) {
            CheckInfo info = check.info();
            md.append("\n## ").append(info.id()).append("\n\n");
            md.append("**").append(info.title()).append("**\n\n");
            md.append("- Resource: ").append(info.resourceType()).append('\n');
            md.append("- Severity: ").append(severity(info)).append('\n');
            md.append("- Mapped to: ").append(info.mappedTo().isEmpty() ? "none (atrest only)" : String.join("; ", info.mappedTo())).append('\n');
            md.append("\n**Passes when:** ").append(info.passesWhen()).append("\n\n");
            md.append("**Why:** ").append(info.rationale()).append("\n\n");
            md.append("**Fix (console):** ").append(info.remediation().console()).append("\n\n");
            md.append("**Fix (CLI):**\n\n```sh\n").append(info.remediation().cli()).append("\n```\n");
        }
        md.append(io.atrest.scanner.access.AccessMatrixReference.markdown());
        return md.toString();
    }

    private static String severity(CheckInfo info) {
        String base = info.severity().name().toLowerCase(Locale.ROOT);
        return info.severityByLevel() ? base + " (set per classification level by the policy)" : base;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
