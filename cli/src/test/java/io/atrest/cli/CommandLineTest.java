package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atrest as a user runs it: arguments in, exit code and output out. */
class CommandLineTest {
    @TempDir
    Path dir;



    private String db() {
        return "jdbc:h2:file:" + dir.resolve("demo");
    }

    private String reports() {
        return dir.resolve("reports").toString();
    }

    @Test
    void demoStoresItsNightsPrintsTheLastAndRefusesADatabaseWithHistory() {
        CliRun result = run("demo", "--db", db(), "--nights", "3", "--reports", reports());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Run 3").contains("PARTIAL").contains("Accounts   5 stored").contains("CRITICAL");
        assertThat(result.err()).contains("Management report (pdf): " + dir.resolve("reports").resolve("demo-management.pdf"));

        CliRun again = run("demo", "--db", db(), "--nights", "3", "--reports", reports());
        assertThat(again.code()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already holds runs");
        assertThat(run("history", "--db", db()).out().lines().filter(l -> l.contains("DEMO")).count()).isEqualTo(3);
    }

    @Test
    void failOnGatesOnSeverity() {
        assertThat(run("demo", "--db", db(), "--nights", "1", "--reports", reports(), "--fail-on", "critical").code())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(run("demo", "--db", db() + "-2", "--nights", "1", "--reports", reports(), "--fail-on", "HIGH").code())
                .isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void jsonOutputIsJson() throws Exception {
        CliRun result = run("demo", "--db", db(), "--nights", "1", "--reports", reports(), "--output", "json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
        assertThat(tree.path("run").path("status").asText()).isEqualTo("PARTIAL");
        assertThat(tree.path("findings").isArray()).isTrue();
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRun badSeverity = run("demo", "--db", db(), "--nights", "1", "--fail-on", "urgent");
        assertThat(badSeverity.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badSeverity.err().strip()).startsWith("atrest: --fail-on").doesNotContain("\n").doesNotContain("Exception");

        CliRun badDb = run("demo", "--db", "jdbc:oracle:thin:@x");
        assertThat(badDb.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badDb.err()).contains("unsupported database URL");

        CliRun badAccount = run("scan", "--db", db(), "--accounts", "12345");
        assertThat(badAccount.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badAccount.err()).contains("not a 12-digit AWS account id");

        CliRun badRegion = run("scan", "--db", db(), "--regions", "mars-north-1x");
        assertThat(badRegion.code()).isEqualTo(ExitCode.USAGE);
        CliRun unknownRegion = run("scan", "--db", db(), "--regions", "eu-west-9");
        assertThat(unknownRegion.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownRegion.err()).contains("unknown region 'eu-west-9'");

        CliRun badEndpoint = run("scan", "--db", db(), "--endpoint-url", "localhost:4566");
        assertThat(badEndpoint.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badEndpoint.err()).contains("--endpoint-url");

        CliRun unknownOption = run("scan", "--no-such-option");
        assertThat(unknownOption.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aSavedInventoryIsEvaluatedAndStoredWithoutAws() throws Exception {
        Path saved = dir.resolve("demo.json");
        java.nio.file.Files.copy(DemoCommand.class.getResourceAsStream(DemoCommand.RESOURCE), saved);
        CliRun result = run("scan", "--from-inventory", saved.toString(), "--db", "jdbc:h2:file:" + dir.resolve("inv"));
        // The saved inventory holds failed calls: its run is PARTIAL, and says so.
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(result.err()).contains("run 1 is PARTIAL: ");
        assertThat(result.out()).contains("Run 1").contains("Accounts   5 stored");

        CliRun missing = run("scan", "--from-inventory", dir.resolve("nope.json").toString(), "--db", "jdbc:h2:file:" + dir.resolve("inv"));
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.json");

        CliRun unwritable = run("scan", "--save-inventory", "/proc/no/such/dir/inv.json", "--db", "jdbc:h2:file:" + dir.resolve("inv"));
        assertThat(unwritable.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unwritable.err()).contains("--save-inventory");
    }

    @Test
    void helpAndVersionEverywhere() {
        assertThat(run("--help").out()).contains("scan").contains("demo").contains("Exit codes");
        assertThat(run("scan", "--help").out()).contains("--endpoint-url").contains("--role-name").contains("--external-id");
        assertThat(run("demo", "--help").code()).isZero();
        assertThat(run("--version").out()).contains("atrest ");
        assertThat(run("scan", "--version").out()).contains("atrest ");
    }
}
