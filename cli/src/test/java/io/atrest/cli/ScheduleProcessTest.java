package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atrest schedule} as an operator runs it: a separate JVM scanning a loopback AWS stub on
 * a short cron, stopped with SIGTERM in the middle of a scan. The running scan finishes its
 * accounts and closes its run ABANDONED with the reason, the history before it stays whole, and
 * the next scan succeeds.
 */
class ScheduleProcessTest {
    @TempDir
    Path dir;
    private StubAws stub;
    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void sigtermMidScanClosesTheRunAndKeepsTheHistory() throws Exception {
        HeldKms kms = new HeldKms();
        stub = new StubAws(kms);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        Path log = dir.resolve("schedule.log");
        process = AtrestProcess.start(log,
                "schedule", "--cron", "0/2 * * * * ?", "--time-zone", "UTC", "--endpoint-url", stub.endpoint().toString(),
                "--home-region", "us-east-1", "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db);

        // The first scheduled scan completes; then the next one is held in the middle of its KMS calls.
        awaitLog(log, "scan done: run 1 ");
        kms.hold();
        assertThat(kms.awaitHeld(60)).as("a second scan reached KMS").isTrue();
        process.destroy(); // SIGTERM
        Thread.sleep(1_000);
        kms.release();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the scheduler exits after SIGTERM").isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(Files.readString(log)).contains("stopping");

        try (HistoryStore store = HistoryStore.open(db)) {
            List<ScanRun> runs = store.runLog().recentRuns(10);
            assertThat(runs).hasSize(2);
            ScanRun first = runs.get(1);
            ScanRun stopped = runs.get(0);
            assertThat(first.runTrigger()).isEqualTo("SCHEDULE");
            assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(stopped.status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(stopped.message()).startsWith("stopped before the end");
            assertThat(store.queries().findings(first.id())).isNotEmpty();
            assertThat(store.queries().trend(TrendScope.organization(), Instant.EPOCH, Weights.defaults()))
                    .extracting(p -> p.runId()).containsExactly(first.id());
        }

        // A new scan succeeds on the same database.
        System.setProperty("aws.accessKeyId", "AKIDMANAGEMENT");
        System.setProperty("aws.secretAccessKey", "secret");
        try {
            StringWriter err = new StringWriter();
            int code = Atrest.execute(new String[] {"scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                    "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db, "--allow-partial"},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void aNightMissedWhileDownIsScannedOnceAtStart() throws Exception {
        stub = new StubAws(ScanOverTheWireTest::answer);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        // The last scheduled run was two nights ago: last night's 02:00 was missed.
        try (HistoryStore store = HistoryStore.open(db)) {
            Instant twoNightsAgo = Instant.now().minus(java.time.Duration.ofDays(2));
            long id = store.runLog().startRun(new io.atrest.sql.RunStart("SCHEDULE", twoNightsAgo, "test", "p", null, 0));
            store.runLog().finishRun(id, RunStatus.FAILED, twoNightsAgo.plusSeconds(60),
                    new io.atrest.sql.RunTotals(0, 0, 0, 0, null, null, "a night long ago"));
        }
        Path log = dir.resolve("schedule.log");
        process = AtrestProcess.start(log,
                "schedule", "--time-zone", "UTC", "--endpoint-url", stub.endpoint().toString(), // default cron: 02:00 nightly
                "--home-region", "us-east-1", "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db);
        awaitLog(log, "scan done: run 2 ");
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("was missed while atrest was not running: scanning once now");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.runLog().recentRuns(10)).hasSize(2);
            assertThat(store.runLog().run(2).orElseThrow().runTrigger()).isEqualTo("SCHEDULE");
            assertThat(store.runLog().run(2).orElseThrow().status()).isEqualTo(RunStatus.PARTIAL);
        }
    }

    private void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as("scheduler died: " + (Files.exists(log) ? Files.readString(log) : "")).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in the scheduler's log: " + Files.readString(log));
    }
}
