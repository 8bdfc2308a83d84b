package io.atrest.report.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * OCSF 1.3 Compliance Finding events (class 2003, category Findings) as JSON Lines, one event per
 * line as Amazon Security Lake, Firehose and data lakes ingest them, written as the findings
 * stream. The finding's life is its status (New, In Progress, Suppressed, Resolved; Other for a
 * passing or unevaluated check), the check's result its compliance status (Pass, Fail, Warning for
 * a check that could not be made, with why), frameworks in {@code standards} and their control
 * ids in {@code requirements}, the data's classification level in the resource's
 * {@code data_classification.confidentiality}.
 */
final class OcsfExport implements FindingWriter {
    static final int CLASS_UID = 2003;
    private final ExportContext context;
    private final Writer out;
    private final long time;

    OcsfExport(ExportContext context, Writer out) {
        this.context = context;
        this.out = out;
        this.time = (context.run().finishedAt() != null ? context.run().finishedAt() : context.run().startedAt()).toEpochMilli();
    }

    @Override
    public void write(ExportedFinding f) throws IOException {
        out.write(JsonExport.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(event(f)));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.flush(); // the caller owns the writer
    }

    private ObjectNode event(ExportedFinding x) {
        StoredFinding f = x.finding();
        Optional<CheckInfo> info = context.check(f.checkId());
        ObjectNode e = JsonExport.JSON.createObjectNode();
        int activity = activity(x.status());
        e.put("activity_id", activity);
        e.put("activity_name", activity == 1 ? "Create" : activity == 3 ? "Close" : "Update");
        e.put("category_uid", 2);
        e.put("category_name", "Findings");
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Compliance Finding");
        e.put("type_uid", CLASS_UID * 100 + activity);
        e.put("severity_id", severityId(f.severity()));
        e.put("severity", title(f.severity()));
        e.put("time", time);
        e.put("status_id", statusId(x.status()));
        e.put("status", statusName(x.status()));
        e.put("message", f.message());
        ObjectNode metadata = e.putObject("metadata");
        metadata.put("version", "1.3.0");
        metadata.put("uid", x.id() + "/" + context.run().id());
        ObjectNode product = metadata.putObject("product");
        product.put("name", "atrest");
        product.put("vendor_name", "atrest");
        product.put("version", context.toolVersion());
        ObjectNode finding = e.putObject("finding_info");
        finding.put("uid", x.id());
        finding.put("title", info.map(CheckInfo::title).orElse(f.checkId()));
        finding.put("desc", info.map(CheckInfo::passesWhen).orElse(f.message()));
        if (f.failingSince() != null) {
            finding.put("first_seen_time", f.failingSince().toEpochMilli());
        }
        finding.put("last_seen_time", time);
        compliance(e.putObject("compliance"), f, info);
        resource(e, f);
        info.ifPresent(i -> e.putObject("remediation").put("desc", i.remediation().console()));
        Map<String, Object> unmapped = new LinkedHashMap<>();
        unmapped.put("run", context.run().id());
        unmapped.put("outcome", f.outcome());
        unmapped.put("evidence", f.evidence());
        info.map(i -> Frameworks.of(i.mappedTo()).related()).filter(r -> !r.isEmpty()).ifPresent(r -> unmapped.put("related_checks", r));
        e.set("unmapped", JsonExport.JSON.valueToTree(unmapped));
        return e;
    }

    private static void compliance(ObjectNode compliance, StoredFinding f, Optional<CheckInfo> info) {
        compliance.put("control", f.checkId());
        int status = complianceStatusId(f.outcome());
        compliance.put("status_id", status);
        compliance.put("status", switch (status) {
            case 1 -> "Pass";
            case 2 -> "Warning";
            case 3 -> "Fail";
            case 99 -> "Not Applicable";
            default -> "Unknown";
        });
        Frameworks frameworks = info.map(i -> Frameworks.of(i.mappedTo())).orElse(Frameworks.of(java.util.List.of()));
        var standards = compliance.putArray("standards");
        (frameworks.standards().isEmpty() ? java.util.List.of("atrest data protection at rest") : frameworks.standards()).forEach(standards::add);
        if (!frameworks.requirements().isEmpty()) {
            var requirements = compliance.putArray("requirements");
            frameworks.requirements().forEach(requirements::add);
        }
        if (f.reason() != null) {
            compliance.put("status_detail", "not evaluated: " + f.reason() + " (" + f.failedOperation() + ")");
        } else if ("SUPPRESSED".equals(f.outcome())) {
            compliance.put("status_detail", f.message());
        }
    }

    private void resource(ObjectNode e, StoredFinding f) {
        String region = context.regionOf(f);
        ObjectNode resource = e.putArray("resources").addObject();
        resource.put("uid", f.resourceArn());
        resource.put("name", f.resourceName());
        resource.put("type", f.resourceType());
        resource.put("region", region);
        resource.putObject("owner").put("account_uid", f.accountId());
        if (f.classification() != null) {
            ObjectNode classification = resource.putObject("data_classification");
            int id = confidentialityId(f.classification());
            classification.put("confidentiality_id", id);
            classification.put("confidentiality", id == 99 ? f.classification() : confidentiality(id));
        }
        ObjectNode cloud = e.putObject("cloud");
        cloud.put("provider", "AWS");
        cloud.putObject("account").put("uid", f.accountId());
        cloud.put("region", region);
    }

    /** Create for a failure first seen now, Close for a fix, Update for the rest. */
    static int activity(FindingStatus status) {
        return switch (status) {
            case NEW -> 1;
            case RESOLVED -> 3;
            default -> 2;
        };
    }

    static int statusId(FindingStatus status) {
        return switch (status) {
            case NEW -> 1;
            case IN_PROGRESS -> 2;
            case SUPPRESSED -> 3;
            case RESOLVED -> 4;
            default -> 99;
        };
    }

    private static String statusName(FindingStatus status) {
        return switch (status) {
            case NEW -> "New";
            case IN_PROGRESS -> "In Progress";
            case SUPPRESSED -> "Suppressed";
            case RESOLVED -> "Resolved";
            case PASSING -> "Passing";
            case NOT_EVALUATED -> "Not Evaluated";
            case NOT_APPLICABLE -> "Not Applicable";
        };
    }

    static int severityId(String severity) {
        return switch (severity) {
            case "CRITICAL" -> 5;
            case "HIGH" -> 4;
            case "MEDIUM" -> 3;
            case "LOW" -> 2;
            default -> 1;
        };
    }

    private static String title(String severity) {
        return severity.equals("INFO") ? "Informational" : severity.charAt(0) + severity.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Pass 1, Warning 2 ("no result because information was missing"), Fail 3; an accepted risk still fails. */
    static int complianceStatusId(String outcome) {
        return switch (outcome) {
            case "PASS" -> 1;
            case "NOT_EVALUATED" -> 2;
            case "FAIL", "SUPPRESSED" -> 3;
            case "NOT_APPLICABLE" -> 99;
            default -> 0;
        };
    }

    /** OCSF's confidentiality ids for the level names that match them; any other level is Other (99), named. */
    static int confidentialityId(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "public", "not confidential" -> 1;
            case "confidential" -> 2;
            case "secret" -> 3;
            case "top secret" -> 4;
            case "private" -> 5;
            case "restricted" -> 6;
            default -> 99;
        };
    }

    private static String confidentiality(int id) {
        return switch (id) {
            case 1 -> "Not Confidential";
            case 2 -> "Confidential";
            case 3 -> "Secret";
            case 4 -> "Top Secret";
            case 5 -> "Private";
            case 6 -> "Restricted";
            default -> "Other";
        };
    }
}
