package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM during {@code atrest scan}, in a JVM of its own: the scan stops sending
 * calls, closes its run ABANDONED with the signal and its real end time, says so in one line,
 * and exits 130 (SIGINT) or 143 (SIGTERM). The organization and the accounts planned are in
 * the run although it never finished.
 */
class ScanInterruptedTest {
    @TempDir
    Path dir;
    private StubAws stub;
    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (stub != null) {
            stub.close();
        }
    }

    private ScanRun interrupt(String signal, int expectedExit) throws Exception {
        HeldKms kms = new HeldKms().hold();
        stub = new StubAws(kms);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        Path log = dir.resolve("scan.log");
        process = AtrestProcess.start(log, "scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db);
        assertThat(kms.awaitHeld(60)).as("the scan is collecting").isTrue();
        Instant signalled = Instant.now();
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the scan exits after " + signal).isTrue();
        kms.release();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        try (HistoryStore store = HistoryStore.open(db)) {
            ScanRun run = store.runLog().recentRuns(1).get(0);
            assertThat(output).contains("atrest: run " + run.id() + " ABANDONED: interrupted by SIG" + signal + " after ");
            assertThat(run.status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(run.message()).startsWith("interrupted by SIG" + signal + " after ").contains("of 2 account(s)");
            assertThat(run.finishedAt()).isAfterOrEqualTo(signalled.minusSeconds(1)).isBefore(Instant.now());
            assertThat(Duration.between(signalled, run.finishedAt())).isLessThan(Duration.ofSeconds(30));
            assertThat(run.organizationId()).isEqualTo("o-wire12345");
            assertThat(run.accountsPlanned()).isEqualTo(2);
            return run;
        }
    }

    @Test
    void ctrlCClosesTheRunAbandonedAndExits130() throws Exception {
        interrupt("INT", 130);
    }

    @Test
    void sigtermClosesTheRunAbandonedAndExits143() throws Exception {
        interrupt("TERM", 143);
    }
}
