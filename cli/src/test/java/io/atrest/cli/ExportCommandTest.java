package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #17: export as a user runs it, over the demo's history (two nights: new, open and fixed findings). */
class ExportCommandTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void demo() {
        db = "jdbc:h2:file:" + dir.resolve("demo");
        CliRun demo = run("demo", "--nights", "30", "--reports", dir.resolve("reports").toString(), "--db", db);
        assertThat(demo.code()).as(demo.err()).isZero();
    }

    @Test
    void everyOcsfEventOfTheDemoRunsIsAValidComplianceFinding() throws Exception {
        OcsfSchema schema = OcsfSchema.complianceFinding();
        ObjectMapper json = new ObjectMapper();
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        for (int runId = 1; runId <= 30; runId++) {
            CliRun export = run("export", "--output", "ocsf", "--db", db, "--run", Integer.toString(runId), "--status",
                    "fail,pass,not-evaluated,suppressed,not-applicable");
            assertThat(export.code()).as(export.err()).isZero();
            List<String> lines = export.out().lines().toList();
            assertThat(lines).hasSizeGreaterThan(100);
            for (String line : lines) {
                JsonNode event = json.readTree(line);
                assertThat(schema.violations(event)).as(line).isEmpty();
                statuses.add(event.path("status").asText());
            }
        }
        assertThat(statuses).as("the demo's nights break and fix things").contains("New", "In Progress", "Resolved", "Passing",
                "Not Evaluated", "Not Applicable");
        assertThat(run("export", "--output", "ocsf", "--db", db).out()).doesNotContain("\"status\":\"Not Applicable\"");
    }

    @Test
    void asffIsWrittenAsBatchesPerAccountAndRegionReadableByTheOwnerOnly() throws Exception {
        Path out = dir.resolve("asff");
        CliRun export = run("export", "--output", "asff", "--db", db, "--out", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).startsWith("wrote ").contains(" to " + out);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> {
            assertThat(out.relativize(f).getNameCount()).as("ACCOUNT/REGION/findings-N.json").isEqualTo(3);
            assertThat(Files.getPosixFilePermissions(f)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        });
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            JsonNode batch = json.readTree(f.toFile());
            String account = out.relativize(f).getName(0).toString();
            String region = out.relativize(f).getName(1).toString();
            assertThat(batch.size()).isBetween(1, 100);
            batch.forEach(finding -> {
                assertThat(finding.path("AwsAccountId").asText()).isEqualTo(account);
                assertThat(finding.path("ProductArn").asText()).isEqualTo("arn:aws:securityhub:" + region + ":" + account + ":product/"
                        + account + "/default");
                assertThat(finding.path("Workflow").path("Status").asText()).isEqualTo(switch (finding.path("Compliance").path("Status").asText()) {
                    case "PASSED" -> "RESOLVED";
                    default -> finding.path("Workflow").path("Status").asText().equals("SUPPRESSED") ? "SUPPRESSED" : "NEW";
                });
            });
        }
        assertThat(run("export", "--output", "asff", "--db", db).err()).contains("give --out DIR");
    }

    @Test
    void junitMakesAGateCiSystemsShowNatively() throws Exception {
        CliRun export = run("export", "--output", "junit", "--fail-on", "critical", "--db", db);
        assertThat(export.code()).as(export.err()).isZero();
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(export.out())));
        var failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isPositive();
        for (int i = 0; i < failures.getLength(); i++) {
            assertThat(failures.item(i).getAttributes().getNamedItem("type").getNodeValue()).isEqualTo("CRITICAL");
        }
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(5);
        assertThat(run("export", "--output", "junit", "--fail-on", "urgent", "--db", db).err()).contains("--fail-on");
    }

    @Test
    void filtersNarrowTheExportAndATypoIsAnErrorNotAnEmptyFile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode failing = json.readTree(run("export", "--output", "json", "--db", db, "--status", "fail", "--severity", "high",
                "--account", "222222222222").out()).path("findings");
        assertThat(failing).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("status").asText()).isIn("NEW", "IN_PROGRESS");
            assertThat(f.path("severity").asText()).isIn("HIGH", "CRITICAL");
            assertThat(f.path("account_id").asText()).isEqualTo("222222222222");
        });
        JsonNode oneCheck = json.readTree(run("export", "--output", "json", "--db", db, "--check", "kms-rotation",
                "--status", "fail,pass,not-applicable").out()).path("findings");
        assertThat(oneCheck).isNotEmpty().allSatisfy(f -> assertThat(f.path("check_id").asText()).isEqualTo("kms-rotation"));
        assertThat(run("export", "--output", "json", "--db", db, "--status", "failing").code()).isEqualTo(ExitCode.USAGE);
        CliRun typo = run("export", "--output", "json", "--db", db, "--check", "kms-rotaton");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("did you mean kms-rotation");
        assertThat(run("export", "--output", "json", "--db", db, "--account", "999999999999").code()).isEqualTo(ExitCode.USAGE);
    }
}
