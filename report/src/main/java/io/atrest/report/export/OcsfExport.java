package io.atrest.report.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * OCSF 1.3 Compliance Finding events (class 2003, category Findings), one per finding, as a JSON
 * array: what a security data lake (Amazon Security Lake, a SIEM) ingests.
 */
final class OcsfExport implements FindingExport {
    static final int CLASS_UID = 2003;
    static final int ACTIVITY_CREATE = 1;
    private final Map<String, CheckInfo> checks;
    private final String toolVersion;

    OcsfExport(Map<String, CheckInfo> checks, String toolVersion) {
        this.checks = checks;
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(ScanRun run, List<StoredFinding> findings, Writer out) throws IOException {
        ArrayNode events = JsonExport.JSON.createArrayNode();
        long time = (run.finishedAt() != null ? run.finishedAt() : run.startedAt()).toEpochMilli();
        for (StoredFinding f : findings) {
            event(events.addObject(), run, f, time);
        }
        out.write(JsonExport.JSON.writeValueAsString(events));
    }

    /** One finding as a Compliance Finding event. */
    private void event(ObjectNode e, ScanRun run, StoredFinding f, long time) {
        CheckInfo info = checks.get(f.checkId());
        e.put("activity_id", ACTIVITY_CREATE);
        e.put("activity_name", "Create");
        e.put("category_uid", 2);
        e.put("category_name", "Findings");
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Compliance Finding");
        e.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE);
        e.put("severity_id", severityId(f.severity()));
        e.put("severity", title(f.severity()));
        e.put("time", time);
        e.put("status_id", 1);
        e.put("status", "New");
        e.put("message", f.message());
        ObjectNode metadata = e.putObject("metadata");
        metadata.put("version", "1.3.0");
        ObjectNode product = metadata.putObject("product");
        product.put("name", "atrest");
        product.put("vendor_name", "atrest");
        product.put("version", toolVersion);
        ObjectNode finding = e.putObject("finding_info");
        finding.put("uid", f.resourceArn() + "/" + f.checkId());
        finding.put("title", info == null ? f.checkId() : info.title());
        finding.put("desc", info == null ? f.message() : info.passesWhen());
        if (f.failingSince() != null) {
            finding.put("first_seen_time", f.failingSince().toEpochMilli());
        }
        finding.put("last_seen_time", time);
        compliance(e.putObject("compliance"), f, info);
        resource(e, f);
        if (info != null) {
            e.putObject("remediation").put("desc", info.remediation().console());
        }
        e.set("unmapped", JsonExport.JSON.valueToTree(Map.of("evidence", f.evidence(), "run", run.id())));
    }

    private static void compliance(ObjectNode compliance, StoredFinding f, CheckInfo info) {
        compliance.put("control", f.checkId());
        compliance.put("status_id", complianceStatusId(f.outcome()));
        compliance.put("status", complianceStatus(f.outcome()));
        ArrayNode standards = compliance.putArray("standards");
        standards.add("atrest");
        if (info != null) {
            info.mappedTo().forEach(standards::add);
        }
        if (f.reason() != null) {
            compliance.put("status_detail", f.reason() + " (" + f.failedOperation() + ")");
        }
    }

    private static void resource(ObjectNode e, StoredFinding f) {
        ObjectNode resource = e.putArray("resources").addObject();
        resource.put("uid", f.resourceArn());
        resource.put("name", f.resourceName());
        resource.put("type", f.resourceType());
        if (f.region() != null) {
            resource.put("region", f.region());
        }
        resource.putObject("owner").put("account_uid", f.accountId());
        if (f.classification() != null) {
            resource.putObject("data_classification").put("category", f.classification());
        }
        ObjectNode cloud = e.putObject("cloud");
        cloud.put("provider", "AWS");
        cloud.putObject("account").put("uid", f.accountId());
        if (f.region() != null) {
            cloud.put("region", f.region());
        }
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
        return severity.equals("INFO") ? "Informational" : severity.charAt(0) + severity.substring(1).toLowerCase();
    }

    static int complianceStatusId(String outcome) {
        return switch (outcome) {
            case "PASS" -> 1;
            case "FAIL" -> 3;
            case "NOT_APPLICABLE" -> 99;
            default -> 0;
        };
    }

    private static String complianceStatus(String outcome) {
        return switch (outcome) {
            case "PASS" -> "Pass";
            case "FAIL" -> "Fail";
            case "NOT_APPLICABLE" -> "Not Applicable";
            default -> "Unknown";
        };
    }

}
