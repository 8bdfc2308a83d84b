package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checks, keys, evaluate and scores as a user runs them. */
class CatalogCommandsTest {
    @TempDir
    Path dir;

    /** One night of the demo organization, stored in a new database: its URL. */
    private String demoHistory() {
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        assertThat(run("demo", "--nights", "1", "--reports", dir.resolve("reports").toString(), "--db", db).code()).isZero();
        return db;
    }

    /** The demo organization's inventory as a file, as scan --save-inventory writes one. */
    private Path demoInventory() throws IOException {
        Path inventory = dir.resolve("demo.json");
        Files.copy(DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE), inventory);
        return inventory;
    }

    @Test
    void checksFilterByServiceSeverityAndFramework() {
        assertThat(run("checks").out().lines().count()).isGreaterThan(45);
        assertThat(run("checks").out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header.split("\\s+"))
                .containsExactly("check", "severity", "resource_type", "title"));
        assertThat(run("checks", "--service", "rds").out().lines().skip(1).toList()).allSatisfy(l -> assertThat(l).startsWith("rds-")).hasSize(5);
        // #16.2: a check whose severity the policy sets says so.
        assertThat(run("checks", "--service", "s3").out().lines().filter(l -> l.startsWith("s3-key-tier")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("HIGH (policy: the level's keyTierSeverity)"));
        assertThat(run("checks", "--severity", "critical").out()).contains("s3-not-public").contains("kms-policy-not-public")
                .doesNotContain("s3-versioning");
        assertThat(run("checks", "--framework", "S3.5").out().lines().skip(1).toList()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("s3-secure-transport"));
        assertThat(run("checks", "--severity", "urgent").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void keysShowsTheBlastRadiusAtRiskFirst() throws Exception {
        // #16.3: keys reads the stored history (the last run, or --run), or a saved --inventory; never the demo uninvited.
        String db = demoHistory();
        JsonNode keys = new ObjectMapper().readTree(run("keys", "--db", db, "--output", "json").out());
        Path inventory = demoInventory();
        JsonNode saved = new ObjectMapper().readTree(run("keys", "--inventory", inventory.toString(), "--output", "json").out());
        assertThat(keys.findValuesAsText("arn")).as("the stored run and the inventory it came from agree")
                .containsExactlyElementsOf(saved.findValuesAsText("arn"));
        assertThat(keys.findValuesAsText("highest_level")).containsExactlyElementsOf(saved.findValuesAsText("highest_level"));
        assertThat(keys.findValuesAsText("stores")).containsExactlyElementsOf(saved.findValuesAsText("stores"));
        assertThat(run("keys", "--db", db, "--run", "7").err()).contains("--run: no run 7");
        assertThat(run("keys", "--db", "jdbc:h2:file:" + dir.resolve("none")).code()).as("no history there").isEqualTo(ExitCode.USAGE);
        assertThat(keys.get(0).path("key").asText()).isEqualTo("alias/payments-ledger-old");
        assertThat(keys.get(0).path("at_risk").asText()).isEqualTo("yes");
        assertThat(keys.get(0).path("highest_level").asText()).isEqualTo("restricted");
        assertThat(keys.findValuesAsText("manager")).containsOnly("CUSTOMER");
        assertThat(new ObjectMapper().readTree(run("keys", "--db", db, "--all", "--output", "json").out()).findValuesAsText("manager")).contains("AWS");
    }

    @Test
    void keysSaysWhoCanDecryptAdministerAndDeleteEachKey() throws Exception {
        // #23.4: from the stored run as from the inventory it came from
        String db = demoHistory();
        Path inventory = demoInventory();
        ObjectMapper json = new ObjectMapper();
        JsonNode stored = json.readTree(run("keys", "--db", db, "--output", "json").out());
        JsonNode saved = json.readTree(run("keys", "--inventory", inventory.toString(), "--output", "json").out());
        assertThat(stored.findValuesAsText("can_decrypt")).containsExactlyElementsOf(saved.findValuesAsText("can_decrypt"));
        assertThat(stored.findValuesAsText("access")).containsOnly("complete");
        JsonNode data = find(stored, "key", "alias/payments-data");
        assertThat(data.path("can_decrypt").asInt()).isEqualTo(6); // the root user is not counted
        assertThat(data.path("can_administer").asInt()).isEqualTo(2);

        String payments = "arn:aws:kms:us-east-1:222222222222:key/5e1f0c2a-1111-4a5b-9c0d-222222220001";
        JsonNode who = json.readTree(run("keys", "--inventory", inventory.toString(), "--who", "--output", "json").out());
        JsonNode reporting = find(who, "principal", "arn:aws:iam::222222222222:role/payments-reporting");
        assertThat(reporting.path("arn").asText()).isEqualTo(payments);
        assertThat(reporting.path("why").asText()).contains("grant 0c1d2e3f");
        JsonNode etl = find(who, "principal", "arn:aws:iam::333333333333:role/analytics-etl");
        assertThat(etl.path("conditional").asText()).isEqualTo("yes");
        assertThat(etl.path("why").asText()).contains("kms:viaservice");
        assertThat(who.findValuesAsText("principal")).doesNotContain("arn:aws:iam::222222222222:role/ci-deployer"); // its boundary

        JsonNode legacy = json.readTree(run("keys", "--db", db, "--principal", "arn:aws:iam::222222222222:user/legacy-batch",
                "--output", "json").out());
        assertThat(legacy.findValuesAsText("highest_level")).containsOnly("restricted").hasSize(3);
        assertThat(legacy.findValuesAsText("can")).containsOnly("decrypt");
        assertThat(run("keys", "--db", db, "--who", "--principal", "x").code()).isEqualTo(ExitCode.USAGE);
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    @Test
    void evaluateShowsWhatAPolicyChangeWouldDoWithoutStoringAnything() throws Exception {
        String db = demoHistory();
        Path inventory = demoInventory();
        CliRun same = run("evaluate", "--inventory", inventory.toString(), "--db", db);
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("What-if: 0 finding(s) would change");

        Path strict = dir.resolve("strict.yaml");
        Files.writeString(strict, io.atrest.scanner.policy.PolicyFile.defaultYaml().replace("untagged: internal", "untagged: restricted"));
        CliRun whatIf = run("evaluate", "--inventory", inventory.toString(), "--db", db, "--policy", strict.toString());
        assertThat(whatIf.out()).doesNotStartWith("What-if: 0 ").contains("PASS").contains("FAIL");
        assertThat(run("history", "--db", db).out().lines().count()).as("evaluate stores nothing").isEqualTo(2);
    }

    @Test
    void scoresByEveryScope() throws Exception {
        String db = demoHistory();
        assertThat(run("scores", "--by", "organization", "--db", db).out()).contains("o-acme0demo1");
        assertThat(run("scores", "--by", "ou", "--db", db).out()).contains("Root/Workloads/Prod/Payments");
        JsonNode accounts = new ObjectMapper().readTree(run("scores", "--db", db, "--output", "json").out());
        assertThat(accounts).hasSize(5);
        assertThat(accounts.get(0).path("score").asDouble()).isLessThanOrEqualTo(accounts.get(4).path("score").asDouble());
        assertThat(run("scores", "--by", "resource", "--db", db).out()).contains("arn:aws:s3:::acme-www-static");
        assertThat(run("scores", "--run", "99", "--db", db).code()).isEqualTo(ExitCode.USAGE);
    }
}
