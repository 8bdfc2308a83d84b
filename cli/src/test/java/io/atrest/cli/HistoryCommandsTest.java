package io.atrest.cli;

import static io.atrest.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, diff, findings and db over a history made of two saved inventories: a bucket fixed, another broken. */
class HistoryCommandsTest {
    @TempDir
    Path dir;



    private static S3Bucket bucket(String name, VersioningStatus versioning) {
        S3Bucket b = Scene.bucket(name, Scene.sseS3(), "confidential");
        return new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(),
                Observed.of(new BucketVersioning(versioning, false)), b.publicAccessBlock(), b.policy(), b.tags());
    }

    private Path save(String name, Inventory inventory) {
        Path file = dir.resolve(name);
        InventoryDocument.write(inventory, file);
        return file;
    }

    @Test
    void showsExactlyTheChangesMadeBetweenScans() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        Path before = save("before.json", new Scene()
                .with(bucket("ledger", VersioningStatus.SUSPENDED))
                .with(bucket("reports", VersioningStatus.ENABLED)).inventory());
        Path after = save("after.json", new Scene()
                .with(bucket("ledger", VersioningStatus.ENABLED))
                .with(bucket("reports", VersioningStatus.SUSPENDED)).inventory());

        assertThat(run("scan", "--from-inventory", before.toString(), "--db", db).code()).isZero();
        assertThat(run("scan", "--from-inventory", after.toString(), "--db", db).code()).isZero();

        CliRun history = run("history", "--db", db);
        assertThat(history.code()).isZero();
        assertThat(history.out().lines().toList()).hasSize(3);
        assertThat(history.out()).contains("INVENTORY").contains("COMPLETE");

        CliRun diff = run("diff", "--db", db, "--output", "json");
        assertThat(diff.code()).as(diff.err()).isZero();
        JsonNode changes = new ObjectMapper().readTree(diff.out());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).path("change").asText()).isEqualTo("NEW");
        assertThat(changes.get(0).path("resource").asText()).isEqualTo("arn:aws:s3:::reports");
        assertThat(changes.get(1).path("change").asText()).isEqualTo("RESOLVED");
        assertThat(changes.get(1).path("resource").asText()).isEqualTo("arn:aws:s3:::ledger");
        assertThat(run("diff", "1", "2", "--db", db).out()).startsWith("Run 1 -> run 2: 1 new, 0 regressed, 1 resolved");

        CliRun open = run("findings", "--db", db, "--check", "s3-versioning", "--output", "csv");
        assertThat(open.out().lines().toList()).hasSize(2);
        assertThat(open.out()).contains("arn:aws:s3:::reports").doesNotContain("arn:aws:s3:::ledger");

        CliRun resolved = run("findings", "--db", db, "--status", "resolved", "--since", "1d");
        assertThat(resolved.out()).contains("arn:aws:s3:::ledger").contains("s3-versioning");

        CliRun asOfFirst = run("findings", "--db", db, "--check", "s3-versioning", "--at", "2999-01-01");
        assertThat(asOfFirst.out()).contains("reports");

        CliRun trend = run("trends", "--db", db, "--output", "json");
        JsonNode points = new ObjectMapper().readTree(trend.out());
        assertThat(points).hasSize(2);
        assertThat(run("trends", "--db", db, "--show", "remediation").out()).contains("MEDIUM");
        assertThat(run("trends", "--db", db, "--show", "checks").out()).contains("s3-versioning");
        // An account the history does not hold is a typo (#16.5), no longer an empty trend.
        assertThat(run("trends", "--db", db, "--account", "999999999999", "--output", "csv").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("trends", "--db", db, "--account", "1", "--ou", "Root").code()).as("one scope at a time").isEqualTo(ExitCode.USAGE);

        assertThat(run("db", "migrate", "--db", db).out()).contains("is up to date at schema version");
        assertThat(run("db", "prune", "--keep", "400d", "--db", db).out()).contains("deleted 0 run(s)");
        assertThat(run("history", "--db", db).out().lines().toList()).hasSize(3);
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        String db = "jdbc:h2:file:" + dir.resolve("empty");
        assertThat(run("db", "migrate", "--db", db).code()).isZero(); // a database with no run yet
        CliRun noRuns = run("diff", "--db", db);
        assertThat(noRuns.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noRuns.err()).contains("diff needs two stored runs");
        assertThat(run("diff", "7", "9", "--db", db).err()).contains("no run 7");
        assertThat(run("db", "prune", "--keep", "forever", "--db", db).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("findings", "--severity", "urgent", "--db", db).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("findings", "--at", "yesterday", "--db", db).err()).contains("--at");
        assertThat(run("history", "--output", "xml", "--db", db).code()).isEqualTo(ExitCode.USAGE);
    }
}
