package io.atrest.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.atrest.scanner.policy.Severity;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Each format carries each finding's status and the fields its consumers require, with the right types. */
class FindingExportTest {
    private static final Instant START = Instant.parse("2026-11-27T02:00:00Z");
    private static final ScanRun PREVIOUS = new ScanRun(6, "SCAN", RunStatus.COMPLETE, START.minusSeconds(86400),
            START.minusSeconds(86100), "1.0", "p", "o-1", 2, 2, 0, 3, 0, 50.0, 1.0, null);
    private static final ScanRun RUN = new ScanRun(7, "SCAN", RunStatus.COMPLETE, START, START.plusSeconds(300), "1.0", "p",
            "o-1", 2, 2, 0, 3, 0, 50.0, 1.0, null);
    private static final String GOV = "111122223333";

    @TempDir
    Path dir;

    private static StoredFinding finding(String check, String severity, String outcome, String arn, String account, String region,
                                         String classification, String message, Instant failingSince) {
        return new StoredFinding(check, severity, outcome, "NOT_EVALUATED".equals(outcome) ? "ACCESS_DENIED" : null,
                "NOT_EVALUATED".equals(outcome) ? "s3:GetBucketVersioning" : null, arn, arn.contains(":s3:") ? "AwsS3Bucket" : "AwsAccount",
                arn.substring(arn.lastIndexOf(':') + 1), account, region, classification, message,
                message.contains("public") ? Map.of("publicStatements", "[PublicRead]") : Map.of(), 3, null, failingSince);
    }

    private static final List<StoredFinding> FINDINGS = List.of(
            finding("s3-not-public", "CRITICAL", "FAIL", "arn:aws:s3:::leaky", "123456789012", "eu-west-1", "restricted",
                    "the bucket policy grants public access", START),                       // new in this run
            finding("s3-versioning", "MEDIUM", "FAIL", "arn:aws:s3:::old", "123456789012", "eu-west-1", "internal",
                    "=HYPERLINK(\"http://x\") versioning off", START.minusSeconds(864000)), // still open; a hostile message
            finding("kms-rotation", "MEDIUM", "PASS", "arn:aws:s3:::fixed", "123456789012", "eu-west-1", null, "rotation on", null),
            finding("s3-block-public-access", "HIGH", "PASS", "arn:aws:s3:::fine", "123456789012", "eu-west-1", "confidential", "all on", null),
            finding("s3-versioning", "MEDIUM", "NOT_EVALUATED", "arn:aws:s3:::hidden", "123456789012", "eu-west-1", "internal",
                    "could not read", null),
            finding("s3-versioning", "LOW", "SUPPRESSED", "arn:aws:s3:::legacy", "123456789012", "eu-west-1", "internal",
                    "accepted until 2027-01-01: archive", START.minusSeconds(864000)),
            finding("s3-mfa-delete", "LOW", "NOT_APPLICABLE", "arn:aws:s3:::x", "123456789012", "eu-west-1", "internal", "n/a", null),
            finding("s3-account-block-public-access", "HIGH", "FAIL", "AWS::::Account:" + GOV, GOV, null, null, "account BPA off", START));

    private static ExportContext context() {
        StoredFinding goneFailure = finding("s3-versioning", "MEDIUM", "FAIL", "arn:aws:s3:::deleted", "123456789012", "eu-west-1",
                "internal", "resource deleted while failing: versioning off", null);
        return new ExportContext(RUN, PREVIOUS, Set.of("arn:aws:s3:::fixed/kms-rotation"),
                List.of(new ExportedFinding(goneFailure, FindingStatus.RESOLVED, true)),
                Map.of("123456789012", "us-east-1", GOV, "us-gov-west-1"), "1.0");
    }

    /** What FindingExport.export does with the history's stream, over the list above. */
    private static Map<FindingStatus, Long> write(FindingWriter writer, ExportFilter filter) throws Exception {
        ExportContext context = context();
        Map<FindingStatus, Long> written = new java.util.EnumMap<>(FindingStatus.class);
        try (writer) {
            List<ExportedFinding> all = new ArrayList<>(FINDINGS.stream().map(context::classify).toList());
            all.addAll(context.gone());
            for (ExportedFinding f : all) {
                if (filter.test(f)) {
                    writer.write(f);
                    written.merge(f.status(), 1L, Long::sum);
                }
            }
        }
        return written;
    }

    private static String export(FindingExport.Format format, ExportFilter filter) throws Exception {
        StringWriter out = new StringWriter();
        write(FindingExport.to(format, context(), out, Severity.HIGH), filter);
        return out.toString();
    }

    @Test
    void eachFindingHasItsStatusAgainstThePreviousRun() {
        ExportContext context = context();
        assertThat(FINDINGS.stream().map(f -> context.classify(f).status())).containsExactly(FindingStatus.NEW, FindingStatus.IN_PROGRESS,
                FindingStatus.RESOLVED, FindingStatus.PASSING, FindingStatus.NOT_EVALUATED, FindingStatus.SUPPRESSED,
                FindingStatus.NOT_APPLICABLE, FindingStatus.NEW);
    }

    @Test
    void ocsfIsJsonLinesWithTheFindingsLifeAndTheChecksResultApart() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : export(FindingExport.Format.ocsf, ExportFilter.defaults()).split("\n")) {
            events.add(new ObjectMapper().readTree(line));
        }
        assertThat(events).hasSize(8); // not-applicable left out by default, the deleted resource's fix in
        assertThat(events).extracting(e -> e.path("status").asText()).containsExactly("New", "In Progress", "Resolved", "Passing",
                "Not Evaluated", "Suppressed", "New", "Resolved");
        assertThat(events).extracting(e -> e.path("status_id").asInt()).containsExactly(1, 2, 4, 99, 99, 3, 1, 4);
        assertThat(events).extracting(e -> e.path("activity_id").asInt()).containsExactly(1, 2, 3, 2, 2, 2, 1, 3);
        assertThat(events).extracting(e -> e.path("compliance").path("status").asText())
                .containsExactly("Fail", "Fail", "Pass", "Pass", "Warning", "Fail", "Fail", "Fail");
        assertThat(events.get(4).path("compliance").path("status_detail").asText()).contains("ACCESS_DENIED").contains("s3:GetBucketVersioning");
        JsonNode notPublic = events.get(0).path("compliance");
        assertThat(notPublic.path("standards").toString()).contains("AWS Foundational Security Best Practices").doesNotContain("Prowler");
        assertThat(notPublic.path("requirements").toString()).contains("S3.2");
        assertThat(events.get(0).path("unmapped").path("related_checks").toString()).contains("Prowler");
        assertThat(events.get(0).path("resources").get(0).path("data_classification").path("confidentiality_id").asInt()).isEqualTo(6);
        assertThat(events.get(1).path("resources").get(0).path("data_classification").path("confidentiality").asText()).isEqualTo("internal");
        assertThat(events.get(6).path("cloud").path("region").asText()).as("an account-wide finding, in its partition's home")
                .isEqualTo("us-gov-west-1");
    }

    @Test
    void asffIsAFolderPerAccountAndRegionWithTheWorkflowSecurityHubExpects() throws Exception {
        write(FindingExport.asff(context(), dir, file -> file), ExportFilter.all());
        JsonNode batch = new ObjectMapper().readTree(dir.resolve("123456789012/eu-west-1/findings-0001.json").toFile());
        assertThat(batch).hasSize(6); // not-applicable is no Security Hub finding
        // the failures fixed by deletion come after every account: a batch of their own
        JsonNode deleted = new ObjectMapper().readTree(dir.resolve("123456789012/eu-west-1/findings-0002.json").toFile()).get(0);
        Map<String, String> workflow = new java.util.LinkedHashMap<>();
        batch.forEach(f -> workflow.put(f.path("Resources").get(0).path("Id").asText(), f.path("Workflow").path("Status").asText()));
        assertThat(workflow).containsEntry("arn:aws:s3:::leaky", "NEW").containsEntry("arn:aws:s3:::old", "NEW")
                .containsEntry("arn:aws:s3:::fixed", "RESOLVED").containsEntry("arn:aws:s3:::fine", "RESOLVED")
                .containsEntry("arn:aws:s3:::legacy", "SUPPRESSED");
        assertThat(deleted.path("Workflow").path("Status").asText()).isEqualTo("RESOLVED");
        assertThat(deleted.path("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(batch.get(0).path("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(batch.get(0).path("ProductArn").asText()).isEqualTo("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default");
        assertThat(batch.get(0).path("ProductFields").path("atrest/evidence/publicStatements").asText()).isEqualTo("[PublicRead]");
        JsonNode gov = new ObjectMapper().readTree(dir.resolve(GOV + "/us-gov-west-1/findings-0001.json").toFile()).get(0);
        assertThat(gov.path("ProductArn").asText()).startsWith("arn:aws-us-gov:securityhub:us-gov-west-1:" + GOV + ":product/");
        assertThat(gov.path("Resources").get(0).path("Partition").asText()).isEqualTo("aws-us-gov");
        for (JsonNode f : batch) {
            for (String field : List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "CreatedAt", "UpdatedAt",
                    "Title", "Description")) {
                assertThat(f.path(field).asText()).as(field).isNotBlank();
            }
        }
    }

    @Test
    void asffFilesHoldAtMostOneBatchOfAHundred() throws Exception {
        ExportContext context = context();
        try (FindingWriter writer = FindingExport.asff(context, dir, file -> file)) {
            for (int i = 0; i < 250; i++) {
                writer.write(context.classify(finding("s3-versioning", "MEDIUM", "FAIL", "arn:aws:s3:::b" + i, "123456789012", "eu-west-1",
                        "internal", "off", START)));
            }
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(dir.resolve("123456789012/eu-west-1/findings-0001.json").toFile())).hasSize(100);
        assertThat(json.readTree(dir.resolve("123456789012/eu-west-1/findings-0002.json").toFile())).hasSize(100);
        assertThat(json.readTree(dir.resolve("123456789012/eu-west-1/findings-0003.json").toFile())).hasSize(50);
        assertThat(Files.exists(dir.resolve("123456789012/eu-west-1/findings-0004.json"))).isFalse();
        assertThat(AsffFinding.of(context.classify(finding("x", "LOW", "FAIL", "arn:aws:s3:::y", "1", "eu-west-1", null, "m".repeat(3000),
                START)), context).description()).hasSize(1024);
    }

    @Test
    void asffKeepsEvidenceWithinSecurityHubsLimits() {
        Map<String, String> evidence = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            evidence.put("k" + (100 + i), "x".repeat(3000));
        }
        StoredFinding wide = new StoredFinding("kms-decrypt-principals", "HIGH", "FAIL", null, null, "arn:aws:kms:eu-west-1:123456789012:key/k",
                "AwsKmsKey", "alias/k", "123456789012", "eu-west-1", null, "too many", evidence, 1, null, null);
        Map<String, String> fields = AsffFinding.of(context().classify(wide), context()).productFields();
        assertThat(fields).hasSize(50);
        assertThat(fields.values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(2048));
    }

    @Test
    void csvGoesThroughTheLibraryAndNeverHandsASpreadsheetAFormula() throws Exception {
        String csv = export(FindingExport.Format.csv, ExportFilter.all());
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(new StringReader(csv))) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).hasSize(9);
            assertThat(all.get(1).get("message")).isEqualTo("'=HYPERLINK(\"http://x\") versioning off");
            assertThat(all.get(0).get("evidence")).isEqualTo("{\"publicStatements\":\"[PublicRead]\"}");
            assertThat(all).extracting(r -> r.get("status")).contains("NEW", "IN_PROGRESS", "SUPPRESSED", "RESOLVED", "NOT_APPLICABLE");
        }
        assertThat(CsvExport.safe("+1")).isEqualTo("'+1");
        assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.safe("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.safe("arn:aws:s3:::b")).isEqualTo("arn:aws:s3:::b");
    }

    @Test
    void junitGivesOneCasePerCheckAndResourceAndFailsOnlyAtTheGate() throws Exception {
        String xml = export(FindingExport.Format.junit, ExportFilter.all());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        var suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2); // one per account; the deleted resource is no test
        var first = (org.w3c.dom.Element) suites.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("123456789012");
        assertThat(first.getAttribute("tests")).isEqualTo("7");
        assertThat(first.getAttribute("failures")).isEqualTo("1"); // the CRITICAL one; MEDIUM is below --fail-on HIGH
        assertThat(first.getAttribute("skipped")).isEqualTo("4");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type").getNodeValue()).isEqualTo("CRITICAL");
        assertThat(xml).contains("failing below --fail-on HIGH").contains("accepted until 2027-01-01");
    }

    @Test
    void jsonCarriesEveryFieldAndTheStatus() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(export(FindingExport.Format.json, ExportFilter.all()));
        assertThat(doc.path("run").path("id").asLong()).isEqualTo(7);
        assertThat(doc.path("previous_run_id").asLong()).isEqualTo(6);
        assertThat(doc.path("findings")).hasSize(9);
        assertThat(doc.path("findings").get(8).path("resource_gone").asBoolean()).isTrue();
        assertThat(doc.path("findings").get(0).path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void filtersTakeStatusesSeverityAccountAndCheck() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode failing = json.readTree(export(FindingExport.Format.json, new ExportFilter(Set.of("fail"), null, null, null))).path("findings");
        assertThat(failing).extracting(f -> f.path("status").asText()).containsOnly("NEW", "IN_PROGRESS").hasSize(3);
        JsonNode high = json.readTree(export(FindingExport.Format.json, new ExportFilter(ExportFilter.GROUPS, Severity.HIGH, null, null)))
                .path("findings");
        assertThat(high).extracting(f -> f.path("severity").asText()).containsOnly("CRITICAL", "HIGH");
        JsonNode oneCheck = json.readTree(export(FindingExport.Format.json, new ExportFilter(ExportFilter.GROUPS, null, GOV, null)))
                .path("findings");
        assertThat(oneCheck).singleElement().satisfies(f -> assertThat(f.path("check_id").asText()).isEqualTo("s3-account-block-public-access"));
        assertThatThrownBy(() -> new ExportFilter(Set.of("failing"), null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingExport.to(FindingExport.Format.asff, context(), new StringWriter(), Severity.LOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
