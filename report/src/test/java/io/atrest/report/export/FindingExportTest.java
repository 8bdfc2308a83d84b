package io.atrest.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each export format carries the fields its consumers require, with the right types. */
class FindingExportTest {
    private static final Instant START = Instant.parse("2026-11-27T02:00:00Z");
    private static final ScanRun RUN = new ScanRun(7, "SCAN", RunStatus.COMPLETE, START, START.plusSeconds(300), "1.0", "p",
            "o-1", 1, 1, 0, 3, 0, 50.0, 1.0, null);
    private static final List<StoredFinding> FINDINGS = List.of(
            new StoredFinding("s3-not-public", "CRITICAL", "FAIL", null, null, "arn:aws:s3:::leaky", "AwsS3Bucket", "leaky",
                    "123456789012", "eu-west-1", "restricted", "the bucket policy grants access to everyone",
                    Map.of("publicStatements", "[PublicRead]"), 3, null, START.minusSeconds(86400)),
            new StoredFinding("kms-rotation", "MEDIUM", "PASS", null, null, "arn:aws:kms:eu-west-1:123456789012:key/k",
                    "AwsKmsKey", "alias/k", "123456789012", "eu-west-1", null, "automatic rotation enabled", Map.of(), 1, null, null),
            new StoredFinding("s3-versioning", "MEDIUM", "NOT_EVALUATED", "ACCESS_DENIED", "s3:GetBucketVersioning",
                    "arn:aws:s3:::hidden", "AwsS3Bucket", "hidden", "123456789012", "eu-west-1", "internal",
                    "could not read", Map.of(), 7, null, null),
            new StoredFinding("s3-mfa-delete", "LOW", "NOT_APPLICABLE", null, null, "arn:aws:s3:::x", "AwsS3Bucket", "x",
                    "123456789012", "eu-west-1", "internal", "n/a", Map.of(), 7, null, null));

    private static String export(String format) throws Exception {
        StringWriter out = new StringWriter();
        FindingExport.forFormat(format, "1.0").write(RUN, FINDINGS, out);
        return out.toString();
    }

    @Test
    void asffHasEveryRequiredFieldAndLeavesOutNotApplicable() throws Exception {
        JsonNode findings = new ObjectMapper().readTree(export("asff"));
        assertThat(findings).hasSize(3);
        for (JsonNode f : findings) {
            for (String field : List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "CreatedAt", "UpdatedAt",
                    "Title", "Description")) {
                assertThat(f.path(field).isTextual()).as(field).isTrue();
                assertThat(f.path(field).asText()).as(field).isNotBlank();
            }
            assertThat(f.path("Types").isArray()).isTrue();
            assertThat(f.path("Resources").get(0).path("Id").isTextual()).isTrue();
            assertThat(f.path("Severity").path("Label").asText()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL");
            assertThat(Instant.parse(f.path("UpdatedAt").asText())).isEqualTo(START.plusSeconds(300));
            assertThat(f.path("ProductArn").asText()).matches("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default");
        }
        assertThat(findings.get(0).path("Compliance").path("Status").asText()).isEqualTo("FAILED");
        assertThat(findings.get(1).path("Compliance").path("Status").asText()).isEqualTo("PASSED");
        assertThat(findings.get(2).path("Compliance").path("Status").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(findings.get(0).path("CreatedAt").asText()).isEqualTo(START.minusSeconds(86400).toString());
        // the evidence travels in ProductFields: for the access checks, who can decrypt
        assertThat(findings.get(0).path("ProductFields").path("atrest/evidence/publicStatements").asText()).isEqualTo("[PublicRead]");
    }

    @Test
    void asffKeepsEvidenceWithinSecurityHubsLimits() throws Exception {
        Map<String, String> evidence = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            evidence.put("k" + (100 + i), "x".repeat(3000));
        }
        StoredFinding wide = new StoredFinding("kms-decrypt-principals", "HIGH", "FAIL", null, null, "arn:aws:kms:eu-west-1:123456789012:key/k",
                "AwsKmsKey", "alias/k", "123456789012", "eu-west-1", null, "too many", evidence, 1, null, null);
        StringWriter out = new StringWriter();
        FindingExport.forFormat("asff", "1.0").write(RUN, List.of(wide), out);
        JsonNode fields = new ObjectMapper().readTree(out.toString()).get(0).path("ProductFields");
        assertThat(fields.size()).isEqualTo(50);
        fields.fields().forEachRemaining(e -> assertThat(e.getValue().asText().length()).isLessThanOrEqualTo(2048));
    }

    @Test
    void ocsfEventsAreComplianceFindings() throws Exception {
        JsonNode events = new ObjectMapper().readTree(export("ocsf"));
        assertThat(events).hasSize(4);
        for (JsonNode e : events) {
            assertThat(e.path("class_uid").asInt()).isEqualTo(2003);
            assertThat(e.path("category_uid").asInt()).isEqualTo(2);
            assertThat(e.path("type_uid").asInt()).isEqualTo(200301);
            assertThat(e.path("activity_id").isInt()).isTrue();
            assertThat(e.path("time").isIntegralNumber()).isTrue();
            assertThat(e.path("severity_id").asInt()).isBetween(1, 5);
            assertThat(e.path("metadata").path("version").asText()).startsWith("1.");
            assertThat(e.path("metadata").path("product").path("name").asText()).isEqualTo("atrest");
            assertThat(e.path("finding_info").path("uid").isTextual()).isTrue();
            assertThat(e.path("resources").get(0).path("uid").isTextual()).isTrue();
            assertThat(e.path("cloud").path("provider").asText()).isEqualTo("AWS");
        }
        assertThat(events.get(0).path("severity_id").asInt()).isEqualTo(5);
        assertThat(events.get(0).path("compliance").path("status_id").asInt()).isEqualTo(3);
        assertThat(events.get(1).path("compliance").path("status_id").asInt()).isEqualTo(1);
        assertThat(events.get(2).path("compliance").path("status_id").asInt()).isZero();
        assertThat(events.get(2).path("compliance").path("status_detail").asText()).contains("ACCESS_DENIED");
        assertThat(events.get(0).path("compliance").path("standards").toString()).contains("FSBP S3.2");
    }

    @Test
    void jsonAndCsvCarryEveryFinding() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(export("json"));
        assertThat(doc.path("run").path("id").asLong()).isEqualTo(7);
        assertThat(doc.path("findings")).hasSize(4);
        String csv = export("csv");
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).startsWith("run,check,severity,outcome").contains("\"{\"\"publicStatements\"\":\"\"[PublicRead]\"\"}\"");
        assertThatThrownBy(() -> FindingExport.forFormat("xml", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
