package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new user's first hour (issue #16): what the CLI says is true, and it never invents data. */
class FirstHourTest {
    @TempDir
    Path dir;



    private static final List<List<String>> READ_COMMANDS = List.of(
            List.of("history"), List.of("diff"), List.of("findings"), List.of("trends"), List.of("scores"),
            List.of("errors"), List.of("export", "--format", "csv"), List.of("db", "prune", "--keep", "400d"));

    /** #16.4: a read command on a database that does not exist says so in one line, exits 2 and creates nothing. */
    @Test
    void readCommandsNeverCreateADatabase() throws Exception {
        Path missing = dir.resolve("nonexistent-dir").resolve("x").resolve("y");
        for (List<String> command : READ_COMMANDS) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--db", "jdbc:h2:file:" + missing));
            CliRun result = run(args.toArray(String[]::new));
            assertThat(result.code()).as(String.join(" ", command)).isEqualTo(ExitCode.USAGE);
            assertThat(result.err().strip()).as(String.join(" ", command))
                    .isEqualTo("atrest: no atrest history at " + missing + ".mv.db (no such file)");
            assertThat(result.out()).as(String.join(" ", command)).isEmpty();
        }
        assertThat(dir.resolve("nonexistent-dir")).doesNotExist();

        CliRun memory = run("history", "--db", "jdbc:h2:mem:x");
        assertThat(memory.code()).isEqualTo(ExitCode.USAGE);
        assertThat(memory.err()).startsWith("atrest: no history in jdbc:h2:mem:x: an in-memory database starts empty");
    }

    @Test
    void aPostgresDatabaseWithoutAtrestTablesIsRefusedNotMigrated() throws Exception {
        try (PostgresSchema schema = new PostgresSchema("atrest_empty_")) {
            CliRun result = run("history", "--db", schema.url);
            assertThat(result.code()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains("no atrest history in").contains("(its tables do not exist)");
            try (var c = java.sql.DriverManager.getConnection(schema.url); var tables = c.getMetaData().getTables(null, c.getSchema(), null, null)) {
                assertThat(tables.next()).as("nothing created").isFalse();
            }
        }
    }

    /** Runs atrest in a JVM of its own in {@code folder}, as README's commands run; its output. */
    private static CliRun inFolder(Path folder, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.atrest.cli.Atrest"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** README's "Looking back" from a fresh folder: before any scan, and after ./atrest demo. */
    @Test
    void theDefaultDatabaseSaysWhatToDoAndWhereTheDemosHistoryIs() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        CliRun before = inFolder(work, "history");
        assertThat(before.code()).isEqualTo(ExitCode.USAGE);
        assertThat(before.err().strip()).isEqualTo("atrest: no atrest history at " + work.toRealPath().resolve("atrest-data/atrest")
                + ".mv.db (no such file); run ./atrest scan first (or ./atrest demo, then --db jdbc:h2:file:./atrest-data/demo)");
        assertThat(work.resolve("atrest-data")).doesNotExist();

        assertThat(inFolder(work, "demo", "--nights", "2").code()).isZero();
        CliRun after = inFolder(work, "history");
        assertThat(after.code()).isEqualTo(ExitCode.USAGE);
        assertThat(after.err()).endsWith("; the demo's history is in --db jdbc:h2:file:./atrest-data/demo" + System.lineSeparator());
        assertThat(work.resolve("atrest-data/atrest.mv.db")).doesNotExist();
        CliRun demoHistory = inFolder(work, "history", "--db", "jdbc:h2:file:./atrest-data/demo");
        assertThat(demoHistory.code()).isZero();
        assertThat(demoHistory.out().lines().filter(l -> l.contains("DEMO")).count()).isEqualTo(2);
    }

    /** #16.5: a filter naming what the history does not hold is a typo: exit 2 with the closest known values. */
    @Test
    void typosInFiltersAreErrorsWithTheClosestKnownValues() {
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        assertThat(run("demo", "--db", db, "--nights", "1", "--reports", dir.resolve("r").toString()).code()).isZero();
        record Typo(List<String> args, String message) {}
        for (Typo typo : List.of(
                new Typo(List.of("findings", "--account", "999999999999"), "--account: '999999999999' is not an account in the stored history; known: 111111111111"),
                new Typo(List.of("findings", "--check", "s3-versoning"), "--check: 's3-versoning' is not a check in the stored history; did you mean s3-versioning?"),
                new Typo(List.of("findings", "--classification", "secret"), "--classification: 'secret' is not a classification in the stored history; known: confidential, internal, public, restricted"),
                new Typo(List.of("trends", "--ou", "Prod"), "--ou: 'Prod' is not an OU path in the stored history; did you mean Root/Workloads/Prod?"),
                new Typo(List.of("trends", "--account", "999999999999"), "--account: '999999999999' is not an account"))) {
            List<String> args = new java.util.ArrayList<>(typo.args());
            args.addAll(List.of("--db", db));
            CliRun result = run(args.toArray(String[]::new));
            assertThat(result.code()).as(String.join(" ", typo.args())).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).as(String.join(" ", typo.args())).startsWith("atrest: " + typo.message());
            assertThat(result.out()).isEmpty();
        }
        // Known values pass whatever their case, and a check with no finding is not a typo.
        assertThat(run("trends", "--ou", "root/workloads", "--db", db).code()).isZero();
        assertThat(run("findings", "--check", "kms-imported-material-expiry", "--db", db).code()).isZero();
    }

    /** #16.7 and #16.10: history says why a run did not complete, in numbers, and compares scores of like scope only. */
    @Test
    void historySaysWhyARunFailedAndComparesLikeWithLike() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("runs");
        try (io.atrest.sql.HistoryStore store = io.atrest.sql.HistoryStore.open(db)) {
            java.time.Instant t = java.time.Instant.parse("2026-12-01T02:00:00Z");
            long five = store.runLog().startRun(new io.atrest.sql.RunStart("SCAN", t, "test", "p", "o-1", 5));
            store.runLog().finishRun(five, io.atrest.sql.RunStatus.COMPLETE, t.plusSeconds(22), new io.atrest.sql.RunTotals(5, 0, 10, 0, 80.0, 1.0, null));
            long one = store.runLog().startRun(new io.atrest.sql.RunStart("SCAN", t.plusSeconds(3600), "test", "p", "o-1", 1));
            store.runLog().finishRun(one, io.atrest.sql.RunStatus.COMPLETE, t.plusSeconds(3630), new io.atrest.sql.RunTotals(1, 0, 2, 0, 50.0, 1.0, null));
            long failed = store.runLog().startRun(new io.atrest.sql.RunStart("SCAN", t.plusSeconds(7200), "test", "p", "o-1", 5));
            store.runLog().finishRun(failed, io.atrest.sql.RunStatus.FAILED, t.plusSeconds(7201),
                    new io.atrest.sql.RunTotals(0, 0, 0, 0, null, null, "cannot identify the caller: no AWS credentials found"));
        }
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run("history", "--db", db, "--output", "json").out());
        assertThat(rows.get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(rows.get(0).path("reason").asText()).isEqualTo("cannot identify the caller: no AWS credentials found");
        assertThat(rows.get(1).path("delta").isNull()).as("one account against five: no change to show").isTrue();
        assertThat(rows.get(2).path("duration_s").isNumber()).isTrue();
        assertThat(rows.get(2).path("duration_s").asLong()).isEqualTo(22);
        assertThat(rows.get(2).path("accounts_done").asInt()).isEqualTo(5);
        assertThat(run("history", "--db", db).out()).contains("no AWS credentials found");
    }

    /** #16.10: configuration errors are one plain line and exit 2, with the reason. */
    @Test
    void aMissingProfileOrInventoryFileIsOneLineWithTheReason() {
        String db = "jdbc:h2:file:" + dir.resolve("scan");
        CliRun profile = run("scan", "--profile", "nosuchprofile", "--db", db);
        assertThat(profile.code()).isEqualTo(ExitCode.USAGE);
        assertThat(profile.err().strip()).startsWith("atrest: --profile: no profile 'nosuchprofile' in the AWS config files").doesNotContain("\n")
                .doesNotContain("ProfileFile(");
        CliRun inventory = run("scan", "--from-inventory", dir.resolve("nope.json").toString(), "--db", db);
        assertThat(inventory.code()).isEqualTo(ExitCode.USAGE);
        assertThat(inventory.err().strip()).isEqualTo("atrest: cannot read inventory " + dir.resolve("nope.json") + ": no such file");
    }

    /** #16.9: --region selects regions to scan, as in Prowler; the home region is --home-region. */
    @Test
    void regionMeansTheRegionsToScanAndHomeRegionIsItsOwnOption() {
        ScanCommand scan = picocli.CommandLine.populateCommand(new ScanCommand(), "--region", "eu-west-1", "--region", "us-east-1,eu-central-1",
                "--exclude-regions", "eu-central-1", "--home-region", "eu-west-2");
        var options = scan.live.scanOptions();
        assertThat(options.regions()).containsExactly("eu-west-1", "us-east-1", "eu-central-1");
        assertThat(options.excludeRegions()).containsExactly("eu-central-1");
        assertThat(scan.live.awsSettings().homeRegion()).isEqualTo("eu-west-2");
        CliRun typo = run("scan", "--exclude-regions", "eu-west-9", "--db", "jdbc:h2:file:" + dir.resolve("x"));
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("--exclude-regions");
    }

    /** #16.8: one name for the output format, and durations with units. */
    @Test
    void outputIsTheFormatOptionEverywhereAndTimeoutsTakeUnits() {
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        assertThat(run("demo", "--db", db, "--nights", "1", "--reports", dir.resolve("r").toString()).code()).isZero();
        CliRun export = run("export", "--output", "csv", "--db", db);
        assertThat(export.code()).isZero();
        assertThat(export.out()).isEqualTo(run("export", "--format", "csv", "--db", db).out());
        assertThat(run("checks", "--output", "markdown").out()).startsWith("# Check reference");
        ScanCommand scan = picocli.CommandLine.populateCommand(new ScanCommand(), "--account-timeout", "90s");
        assertThat(scan.live.scanOptions().accountDeadline()).isEqualTo(java.time.Duration.ofSeconds(90));
        ScanCommand legacy = picocli.CommandLine.populateCommand(new ScanCommand(), "--account-timeout", "45");
        assertThat(legacy.live.scanOptions().accountDeadline()).as("a bare number keeps its minutes").isEqualTo(java.time.Duration.ofMinutes(45));
        assertThat(run("scan", "--account-timeout", "soon", "--db", db).err()).contains("--account-timeout: 'soon' is not a duration");
    }

    /** #16.8: one JSON style everywhere: snake_case keys, numbers as numbers, coverage in percent like scores. */
    @Test
    void everyJsonOutputHasOneStyle() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("demo");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var summary = json.readTree(run("demo", "--db", db, "--nights", "1", "--reports", dir.resolve("r").toString(), "--output", "json").out());
        var export = json.readTree(run("export", "--output", "json", "--db", db).out());
        var history = json.readTree(run("history", "--output", "json", "--db", db).out());
        var findings = json.readTree(run("findings", "--output", "json", "--db", db).out());
        List<com.fasterxml.jackson.databind.JsonNode> documents = List.of(summary, export, history, findings);
        for (var document : documents) {
            List<String> keys = new java.util.ArrayList<>();
            collectKeys(document, keys);
            assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).matches("[a-z][a-z0-9_]*"));
        }
        double coverage = history.get(0).path("coverage").asDouble();
        assertThat(coverage).as("percent").isGreaterThan(1).isLessThanOrEqualTo(100);
        assertThat(summary.path("run").path("coverage").asDouble()).isEqualTo(coverage);
        assertThat(export.path("run").path("coverage").asDouble()).isEqualTo(coverage);
        assertThat(summary.path("run").path("accounts_done").isNumber()).isTrue();
    }

    /** Every object key of a document, evidence maps left out (their keys are the checks' own). */
    private static void collectKeys(com.fasterxml.jackson.databind.JsonNode node, List<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(e.getKey());
                if (!e.getKey().equals("evidence")) {
                    collectKeys(e.getValue(), keys);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }

    /** #16.6: H2 leaves no trace file with stack traces beside the database when another process holds it. */
    @Test
    void aRefusedOpenLeavesNoTraceFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("held"));
        String db = "jdbc:h2:file:" + folder.resolve("atrest");
        try (io.atrest.sql.HistoryStore held = io.atrest.sql.HistoryStore.open(db)) {
            CliRun other = inFolder(folder, "history", "--db", db);
            assertThat(other.code()).isEqualTo(ExitCode.USAGE);
            assertThat(other.err()).contains("is in use by another atrest process");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
    }

    /** #16.10: db migrate says what it did. */
    @Test
    void dbMigrateSaysWhetherItCreatedUpgradedOrFoundTheSchemaCurrent() {
        String url = "jdbc:h2:file:" + dir.resolve("new");
        CliRun created = run("db", "migrate", "--db", url);
        assertThat(created.code()).isZero();
        assertThat(created.out().strip()).matches("database .* created at schema version \\d+");
        CliRun again = run("db", "migrate", "--db", url);
        assertThat(again.out().strip()).matches("database .* is up to date at schema version \\d+");
    }
}
