package io.atrest.report.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.inventory.Partition;
import io.atrest.sql.StoredFinding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One finding in the AWS Security Finding Format, as Security Hub's BatchImportFindings takes it
 * from the account the finding belongs to: the regional product ARN of that account and its
 * partition, Workflow NEW only for failures (RESOLVED for passes and fixes, SUPPRESSED for accepted
 * risks), RecordState ARCHIVED for a failure whose resource is gone. The file export writes these
 * as JSON; the publisher sends the same values through the SDK.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AsffFinding(
        @JsonProperty("SchemaVersion") String schemaVersion,
        @JsonProperty("Id") String id,
        @JsonProperty("ProductArn") String productArn,
        @JsonProperty("GeneratorId") String generatorId,
        @JsonProperty("AwsAccountId") String awsAccountId,
        @JsonProperty("Types") List<String> types,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("UpdatedAt") String updatedAt,
        @JsonProperty("Severity") Map<String, String> severity,
        @JsonProperty("Title") String title,
        @JsonProperty("Description") String description,
        @JsonProperty("Remediation") Map<String, Map<String, String>> remediation,
        @JsonProperty("Resources") List<Map<String, String>> resources,
        @JsonProperty("Compliance") Compliance compliance,
        @JsonProperty("RecordState") String recordState,
        @JsonProperty("Workflow") Map<String, String> workflow,
        @JsonProperty("ProductFields") Map<String, String> productFields) {

    /**
     * ASFF's Compliance: the status and the framework controls. Why a check was NOT_AVAILABLE goes
     * in ProductFields: ASFF's StatusReasons codes describe AWS Config's evaluations, not atrest's.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Compliance(@JsonProperty("Status") String status,
                             @JsonProperty("RelatedRequirements") List<String> relatedRequirements) {}

    /** Security Hub keeps at most this many ProductFields, each value at most 2,048 characters. */
    static final int PRODUCT_FIELDS = 50;

    /** The ASFF form of an exported finding. */
    public static AsffFinding of(ExportedFinding e, ExportContext context) {
        StoredFinding f = e.finding();
        Optional<CheckInfo> info = context.check(f.checkId());
        String region = context.regionOf(f);
        String partition = Partition.ofRegion(region);
        Instant updated = context.run().finishedAt() != null ? context.run().finishedAt() : context.run().startedAt();
        Instant created = f.failingSince() != null ? f.failingSince() : updated;
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("Type", AsffExport.asffType(f.resourceType()));
        resource.put("Id", f.resourceArn());
        resource.put("Partition", partition);
        resource.put("Region", region);
        return new AsffFinding("2018-10-08", "atrest/" + f.checkId() + "/" + f.resourceArn(),
                "arn:" + partition + ":securityhub:" + region + ":" + f.accountId() + ":product/" + f.accountId() + "/default",
                "atrest/" + f.checkId(), f.accountId(), List.of("Software and Configuration Checks/AWS Security Best Practices"),
                created.toString(), updated.toString(), Map.of("Label", f.severity().equals("INFO") ? "INFORMATIONAL" : f.severity()),
                truncate(info.map(CheckInfo::title).orElse(f.checkId()), 256),
                truncate(f.message() == null || f.message().isBlank() ? f.checkId() : f.message(), 1024),
                info.map(i -> Map.of("Recommendation", Map.of("Text", truncate(i.remediation().console(), 512)))).orElse(null),
                List.of(resource), compliance(f, info), e.resourceGone() ? "ARCHIVED" : "ACTIVE", Map.of("Status", workflow(e.status())),
                productFields(e, context));
    }

    private static Compliance compliance(StoredFinding f, Optional<CheckInfo> info) {
        String status = switch (f.outcome()) {
            case "PASS" -> "PASSED";
            case "FAIL", "SUPPRESSED" -> "FAILED";
            default -> "NOT_AVAILABLE";
        };
        List<String> related = info.map(i -> Frameworks.of(i.mappedTo()).requirements().stream().limit(32).toList()).orElse(List.of());
        return new Compliance(status, related);
    }

    /** NEW only for what needs someone: failures and checks that could not be made. */
    static String workflow(FindingStatus status) {
        return switch (status) {
            case NEW, IN_PROGRESS, NOT_EVALUATED -> "NEW";
            case SUPPRESSED -> "SUPPRESSED";
            case RESOLVED, PASSING, NOT_APPLICABLE -> "RESOLVED";
        };
    }

    private static Map<String, String> productFields(ExportedFinding e, ExportContext context) {
        StoredFinding f = e.finding();
        Map<String, String> product = new LinkedHashMap<>();
        product.put("atrest/run", Long.toString(context.run().id()));
        product.put("atrest/status", e.status().name());
        if (f.classification() != null) {
            product.put("atrest/classification", f.classification());
        }
        if (f.reason() != null) {
            product.put("atrest/notEvaluated", f.reason() + " " + f.failedOperation());
        }
        // The evidence, as far as ASFF allows it: who can decrypt a key, which statement, ...
        f.evidence().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(PRODUCT_FIELDS - product.size())
                .forEach(x -> product.put(truncate("atrest/evidence/" + x.getKey(), 128), truncate(String.valueOf(x.getValue()), 2048)));
        return product;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
