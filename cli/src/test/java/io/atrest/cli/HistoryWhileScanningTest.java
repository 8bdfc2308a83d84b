package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16.6: the history on the default H2 file can be read while a scan in another process collects,
 * and the single-writer guarantee holds: a second scan is refused.
 */
class HistoryWhileScanningTest {
    @TempDir
    Path dir;
    private StubAws stub;
    private Process scan;

    @AfterEach
    void cleanUp() {
        if (scan != null) {
            scan.destroyForcibly();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void historyIsReadableWhileAScanCollectsAndASecondScanIsRefused() throws Exception {
        HeldKms kms = new HeldKms().hold();
        stub = new StubAws(kms);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        Path log = dir.resolve("scan.log");
        scan = AtrestProcess.start(log, "scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--allow-partial", "--db", db);
        assertThat(kms.awaitHeld(60)).as("the scan is collecting").isTrue();

        CliRun history = CliRun.run("history", "--db", db);
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("RUNNING");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.runLog().recentRuns(1).get(0).status()).as("a reader does not take the collecting run for dead")
                    .isEqualTo(RunStatus.RUNNING);
        }
        CliRun second = CliRun.run("scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--db", db);
        assertThat(second.code()).isEqualTo(ExitCode.USAGE);
        assertThat(second.err()).contains("another atrest scan is writing to this database");

        kms.release();
        assertThat(scan.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(scan.exitValue()).as(Files.readString(log)).isZero();
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.runLog().recentRuns(5)).hasSize(1).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.PARTIAL));
        }
    }
}
