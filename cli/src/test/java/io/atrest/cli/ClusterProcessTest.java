package io.atrest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.StubAws;
import io.atrest.sql.cluster.AccountWork;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.RunStatus;
import io.atrest.sql.ScanRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atrest schedule --cluster} as an operator runs it: two node processes on one PostgreSQL
 * database scanning a loopback AWS stub; the first node is killed (kill -9) in the middle of an
 * account, and the second completes the run with every account stored exactly once.
 */
class ClusterProcessTest {
    @TempDir
    Path dir;
    private PostgresSchema schema;
    private String url;
    private StubAws stub;
    private final List<Process> nodes = new ArrayList<>();

    @BeforeEach
    void freshSchema() throws Exception {
        schema = new PostgresSchema("atrest_nodes_");
        url = schema.url;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (stub != null) {
            stub.close();
        }
        schema.close();
    }

    private Process node(String id) throws Exception {
        Process process = AtrestProcess.start(dir.resolve(id + ".log"),
                "schedule", "--cluster", "--db", url, "--cron", "0/5 * * * * ?", "--time-zone", "UTC", "--node-id", id,
                "--checkin-interval", "2", "--endpoint-url", stub.endpoint().toString(), "--home-region", "us-east-1",
                "--role-name", "AtrestScanner", "--regions", "us-east-1,eu-west-1");
        nodes.add(process);
        return process;
    }

    @Test
    void aKilledNodesAccountIsScannedByTheOtherAndStoredOnce() throws Exception {
        HeldKms kms = new HeldKms().hold();
        stub = new StubAws(kms);

        Process first = node("node-a");
        assertThat(kms.awaitHeld(90)).as("node A reached an account's KMS calls: " + log("node-a")).isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9, mid-account
        kms.release();

        node("node-b");
        ScanRun run = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (HistoryStore store = HistoryStore.open(url)) {
            while (System.nanoTime() < deadline) {
                run = store.runLog().run(1).orElse(null);
                if (run != null && run.status() != RunStatus.RUNNING) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(run).as(log("node-b")).isNotNull();
            assertThat(run.status()).as(log("node-b")).isEqualTo(RunStatus.PARTIAL); // the stub denies one call, as in ScanOverTheWireTest
            assertThat(run.runTrigger()).isEqualTo("CLUSTER");
            assertThat(run.accountsPlanned()).isEqualTo(2);
            assertThat(run.accountsDone()).isEqualTo(2);
            assertThat(store.queries().accountsStored(1)).isEqualTo(2);
            List<AccountWork> work = store.clusterRuns().work(1);
            assertThat(work).extracting(AccountWork::status).containsOnly("DONE");
            assertThat(work).filteredOn(w -> w.attempts() > 1).as("the killed node's account, recovered").isNotEmpty()
                    .allSatisfy(w -> assertThat(w.node()).isEqualTo("node-b"));
            assertThat(store.queries().findings(1)).extracting(f -> f.accountId()).contains("111111111111", "222222222222");
        }
        assertThat(log("node-b")).contains("recovered from a node that stopped");

        java.io.StringWriter out = new java.io.StringWriter();
        int code = Atrest.execute(new String[] {"schedule", "--status", "--cluster", "--db", url, "--cron", "0/5 * * * * ?"},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Node        node-b   last check-in").containsPattern("Last scheduled run  #\\d+ CLUSTER ");
    }

    private String log(String node) {
        try {
            Path file = dir.resolve(node + ".log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
