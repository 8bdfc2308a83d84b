package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import io.atrest.sql.StoredFinding;
import io.atrest.sql.TrendScope;
import io.atrest.sql.Weights;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a scanning process killed with kill -9 in the middle of collecting. The next
 * command marks its run ABANDONED, the history before it is intact and out of reach of the dead
 * run, and a new scan succeeds.
 */
@ExtendWith(ManagementCredentials.class)
class ScanKilledTest {
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

    private String[] scan(String db) {
        return new String[] {"scan", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1", "--db", db, "--allow-partial"};
    }

    private static int run(String... args) {
        return Atrest.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void aScanKilledMidwayIsAbandonedByTheNextCommandAndTheHistoryStaysWhole() throws Exception {
        HeldKms kms = new HeldKms();
        stub = new StubAws(kms);
        String db = "jdbc:h2:file:" + dir.resolve("atrest");
        assertThat(run(scan(db))).isZero();
        List<StoredFinding> before;
        try (HistoryStore store = HistoryStore.open(db)) {
            before = store.queries().findings(1);
        }

        kms.hold();
        process = AtrestProcess.start(dir.resolve("scan.log"), scan(db));
        assertThat(kms.awaitHeld(60)).as("the second scan is collecting").isTrue();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
        kms.release();

        // The next command (here: history) finds run 2 RUNNING with its writer gone.
        StringWriter out = new StringWriter();
        assertThat(Atrest.execute(new String[] {"history", "--db", db}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(out.toString()).contains("ABANDONED");
        try (HistoryStore store = HistoryStore.open(db)) {
            ScanRun killed = store.runLog().run(2).orElseThrow();
            assertThat(killed.status()).isEqualTo(RunStatus.ABANDONED);
            assertThat(store.queries().findings(1)).isEqualTo(before);
            assertThat(store.queries().trend(TrendScope.organization(), Instant.EPOCH, Weights.defaults())).extracting(p -> p.runId())
                    .containsExactly(1L);
        }

        assertThat(run(scan(db))).as("a new scan after the crash").isZero();
        try (HistoryStore store = HistoryStore.open(db)) {
            // H2 may skip identity values after a crash: the new run is the newest, whatever its id.
            ScanRun after = store.runLog().recentRuns(1).get(0);
            assertThat(after.id()).isGreaterThan(2L);
            assertThat(after.status()).isEqualTo(RunStatus.PARTIAL);
            assertThat(store.queries().trend(TrendScope.organization(), Instant.EPOCH, Weights.defaults())).extracting(p -> p.runId())
                    .containsExactly(1L, after.id());
        }
    }
}
