package io.atrest.cli;

import io.atrest.scanner.check.CheckCatalog;
import io.atrest.scanner.inventory.AccountSlices;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.org.AccountScan;
import io.atrest.scanner.org.AccountScanStatus;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.sql.ClusterRuns;
import io.atrest.sql.CollectedPart;
import io.atrest.sql.HistoryStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A cluster node's work on an {@link OrganizationScanner}: the nightly job walks the organization
 * once ({@link OrganizationScanner#organizationLevel}), each account job collects its account
 * against that walk ({@link OrganizationScanner#collect}), and the run's keeper evaluates every
 * collected account against the whole organization with the single-node code
 * ({@link RunRecorder#storeAccounts(long, AccountSlices, List, Set)}): a clustered run gives the
 * findings one node would.
 */
class ScannerClusterWork {

    /** Runs {@code work} on a scanner of the organization whose calls stop when {@code stop} turns true. */
    interface Scanners {
        <T> T with(BooleanSupplier stop, Function<OrganizationScanner, T> work);
    }

    private final Scanners scanners;
    private final ClassificationPolicy policy;
    private final Clock clock;

    ScannerClusterWork(Scanners scanners, ClassificationPolicy policy, Clock clock) {
        this.scanners = scanners;
        this.policy = policy;
        this.clock = clock;
    }

    ClusterScheduler.Plan plan() {
        Inventory organization = scanners.with(() -> false, scanner -> scanner.organizationLevel(clock));
        return new ClusterScheduler.Plan(organization.organization().isStandalone() ? null : organization.organization().id(),
                organization.accounts().stream().map(io.atrest.scanner.inventory.Account::id).toList(), encode(organization),
                organization.errors());
    }

    CollectedPart collect(byte[] organizationPart, String accountId, BooleanSupplier stop) {
        Inventory organization = decode(organizationPart);
        OrganizationScanner.CollectedAccount collected = scanners.with(stop, scanner -> scanner.stopWhen(stop).collect(clock, organization, accountId));
        AccountScan scan = collected.scan();
        return new CollectedPart(accountId, scan.status().name(), scan.regions(), scan.errors(), scan.message(), encode(collected.slice()));
    }

    ClusterRuns.Evaluation evaluation(HistoryStore store) {
        return (runId, organizationPart, collected, stored, part) -> {
            Inventory organization = decode(organizationPart);
            Set<String> accounts = Set.copyOf(collected);
            // Accounts whose job failed left no part: they are not judged or stored, as before.
            Inventory judged = new Inventory(Inventory.SCHEMA_VERSION, organization.collectedAt(), organization.organization(),
                    organization.accounts().stream().filter(a -> accounts.contains(a.id())).toList(), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    organization.serviceControlPolicies(), organization.errors());
            try (AccountSlices slices = AccountSlices.inTemporaryFolder()) {
                List<AccountScan> scans = new ArrayList<>(collected.size());
                for (String account : collected) {
                    CollectedPart p = part.apply(account);
                    slices.add(account, decode(p.document()));
                    scans.add(new AccountScan(account, AccountScanStatus.valueOf(p.status()), p.regions(), p.errors(), p.message()));
                }
                slices.finish(judged);
                new RunRecorder(store, CheckCatalog.standard(), policy, clock).storeAccounts(runId, slices, scans, stored);
            }
        };
    }

    /** An inventory part as the run's parts keep it: gzipped JSON. */
    static byte[] encode(Inventory inventory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(InventoryDocument.toJson(inventory).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Inventory decode(byte[] part) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(part))) {
            return InventoryDocument.read(gzip, "the clustered run's inventory part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
