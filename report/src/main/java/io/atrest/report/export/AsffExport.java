package io.atrest.report.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.inventory.Partition;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * AWS Security Finding Format, as Security Hub's BatchImportFindings accepts it: every required
 * field (SchemaVersion, Id, ProductArn, GeneratorId, AwsAccountId, Types, CreatedAt, UpdatedAt,
 * Severity.Label, Title, Description, Resources), compliance status, one object per finding in
 * a JSON array. NOT_APPLICABLE findings are left out: Security Hub has no place for them.
 */
final class AsffExport implements FindingExport {
    private final Map<String, CheckInfo> checks;

    AsffExport(Map<String, CheckInfo> checks) {
        this.checks = checks;
    }

    @Override
    public void write(ScanRun run, List<StoredFinding> findings, Writer out) throws IOException {
        ArrayNode array = JsonExport.JSON.createArrayNode();
        Instant updated = run.finishedAt() != null ? run.finishedAt() : run.startedAt();
        for (StoredFinding f : findings) {
            if ("NOT_APPLICABLE".equals(f.outcome())) {
                continue;
            }
            CheckInfo info = checks.get(f.checkId());
            String region = f.region() != null ? f.region() : "us-east-1";
            String partition = Partition.ofRegion(region);
            ObjectNode a = array.addObject();
            a.put("SchemaVersion", "2018-10-08");
            a.put("Id", "atrest/" + f.checkId() + "/" + f.resourceArn());
            a.put("ProductArn", "arn:" + partition + ":securityhub:" + region + ":" + f.accountId() + ":product/" + f.accountId() + "/default");
            a.put("GeneratorId", "atrest/" + f.checkId());
            a.put("AwsAccountId", f.accountId());
            a.putArray("Types").add("Software and Configuration Checks/AWS Security Best Practices");
            Instant created = f.failingSince() != null ? f.failingSince() : updated;
            a.put("CreatedAt", created.toString());
            a.put("UpdatedAt", updated.toString());
            a.putObject("Severity").put("Label", f.severity().equals("INFO") ? "INFORMATIONAL" : f.severity());
            a.put("Title", truncate(info == null ? f.checkId() : info.title(), 256));
            a.put("Description", truncate(f.message() == null || f.message().isBlank() ? f.checkId() : f.message(), 1024));
            if (info != null) {
                a.putObject("Remediation").putObject("Recommendation").put("Text", truncate(info.remediation().console(), 512));
            }
            ObjectNode resource = a.putArray("Resources").addObject();
            resource.put("Type", asffType(f.resourceType()));
            resource.put("Id", f.resourceArn());
            resource.put("Partition", partition);
            resource.put("Region", region);
            ObjectNode compliance = a.putObject("Compliance");
            compliance.put("Status", switch (f.outcome()) {
                case "PASS" -> "PASSED";
                case "FAIL" -> "FAILED";
                default -> "NOT_AVAILABLE";
            });
            if (info != null && !info.mappedTo().isEmpty()) {
                ArrayNode related = compliance.putArray("RelatedRequirements");
                info.mappedTo().stream().limit(32).forEach(related::add);
            }
            a.put("RecordState", "ACTIVE");
            a.putObject("Workflow").put("Status", "NEW");
            ObjectNode product = a.putObject("ProductFields");
            product.put("atrest/run", Long.toString(run.id()));
            if (f.classification() != null) {
                product.put("atrest/classification", f.classification());
            }
            if (f.reason() != null) {
                product.put("atrest/notEvaluated", f.reason() + " " + f.failedOperation());
            }
            // The evidence, as ASFF allows it (50 fields, values of at most 2,048 characters): who can decrypt a key, which statement...
            f.evidence().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(PRODUCT_FIELDS - product.size())
                    .forEach(e -> product.put(truncate("atrest/evidence/" + e.getKey(), 128), truncate(String.valueOf(e.getValue()), 2048)));
        }
        out.write(JsonExport.JSON.writeValueAsString(array));
    }

    /** Security Hub keeps at most this many ProductFields per finding. */
    private static final int PRODUCT_FIELDS = 50;

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The ASFF resource type: the kind's own where ASFF has one, "Other" where it has none (its descriptor says which). */
    static String asffType(String resourceType) {
        if (resourceType.equals("DataStore")) {
            return "Other";
        }
        return io.atrest.scanner.stores.StoreKinds.named(resourceType).map(io.atrest.scanner.stores.StoreKind::asffType).orElse(resourceType);
    }
}
