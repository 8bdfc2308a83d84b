package io.atrest.pipeline;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.DiskSink;
import io.atrest.sql.HistoryStore;
import io.atrest.sql.cluster.ClusterRuns;
import io.atrest.sql.cluster.CollectedPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A clustered run's three steps, the same pipeline as one node's: the nightly job walks the
 * organization once ({@link #plan}), each account job collects its account against that walk
 * ({@link #collect}), and the run's keeper evaluates every collected account against the whole
 * organization with {@link RunRecorder#storeAccounts} ({@link #evaluation}): a clustered run
 * gives the findings one node would.
 */
public final class ClusterWork {
    private final Scanners scanners;
    private final ClassificationPolicy policy;
    private final Clock clock;
    private final String toolVersion;

    public ClusterWork(Scanners scanners, ClassificationPolicy policy, Clock clock, String toolVersion) {
        this.scanners = scanners;
        this.policy = policy;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    /** Walks the organization once: the accounts tonight's run covers, and the part their jobs collect against. */
    public ClusterPlan plan() {
        Inventory organization = scanners.with(Stop.NEVER, scanner -> scanner.organizationLevel(clock));
        return new ClusterPlan(organization.organization().isStandalone() ? null : organization.organization().id(),
                organization.accounts().stream().map(Account::id).toList(), encode(organization), organization.errors());
    }

    /** Collects one account against the run's organization part; nothing is stored yet. */
    public CollectedPart collect(byte[] organizationPart, String accountId, Stop stop) {
        Inventory organization = decode(organizationPart);
        OrganizationScanner.CollectedAccount collected = scanners.with(stop,
                scanner -> scanner.stopWhen(stop).collect(clock, organization, accountId));
        AccountScan scan = collected.scan();
        return new CollectedPart(accountId, scan.status().name(), scan.regions(), scan.errors(), scan.message(), encode(collected.slice()));
    }

    /** Evaluates a run's collected accounts against the whole organization and stores them. */
    public ClusterRuns.Evaluation evaluation(HistoryStore store) {
        return (runId, organizationPart, collected, stored, part) -> {
            Inventory organization = decode(organizationPart);
            Set<String> accounts = Set.copyOf(collected);
            // Accounts whose job failed left no part: they are not judged or stored, as before.
            Inventory judged = new Inventory(Inventory.SCHEMA_VERSION, organization.collectedAt(), organization.organization(),
                    organization.accounts().stream().filter(a -> accounts.contains(a.id())).toList(), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    organization.serviceControlPolicies(), organization.errors());
            try (DiskSink sink = DiskSink.inTemporaryFolder()) {
                List<AccountScan> scans = new ArrayList<>(collected.size());
                for (String account : collected) {
                    CollectedPart p = part.apply(account);
                    sink.add(account, decode(p.document()));
                    scans.add(new AccountScan(account, AccountScanStatus.valueOf(p.status()), p.regions(), p.errors(), p.message()));
                }
                sink.finish(judged);
                new RunRecorder(store, CheckCatalog.standard(), policy, clock, toolVersion).storeAccounts(runId, sink, scans, stored);
            }
        };
    }

    /** The policy hash of the runs, so runs under different policies are told apart. */
    public String policyHash() {
        return RunRecorder.policyHash(policy);
    }

    /** The version of the tool recording the runs. */
    public String toolVersion() {
        return toolVersion;
    }

    /** An inventory part as the run's parts keep it: gzipped JSON. */
    public static byte[] encode(Inventory inventory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(InventoryDocument.toJson(inventory).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Inventory decode(byte[] part) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(part))) {
            return InventoryDocument.read(gzip, "the clustered run's inventory part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
