package io.atrest.scanner.sink;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.StoreStub;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a scan's inventory goes, one account at a time: each account's slice is handed over as
 * soon as its collection ends ({@link #add}), what belongs to no account once at the end
 * ({@link #finish}). Then every account is evaluated from its {@link #slice}, with the
 * organization's {@link #lookups} (keys, key usage and accounts of the whole scan): one way
 * through, whether the slices wait in memory ({@link InMemorySink}) or on disk ({@link DiskSink}).
 */
public abstract class InventorySink implements AutoCloseable {
    private final CrossAccountFacts facts = new CrossAccountFacts();
    private final Set<String> added = ConcurrentHashMap.newKeySet();
    private volatile Inventory organizationLevel;
    private volatile Inventory lookups;

    /** Keeps one account's slice (from {@code InventoryBuilder.drain}); called from many threads at once. */
    public final void add(String accountId, Inventory slice) {
        if (!added.add(accountId)) {
            throw new IllegalStateException("account " + accountId + " was sliced twice");
        }
        keep(accountId, slice);
        facts.add(slice);
    }

    /**
     * What belongs to no single account (the organization, its accounts and policies, errors of
     * no account): once, at the end, when every account is added. The lookups every account's
     * evaluation shares are put together here, once.
     */
    public final void finish(Inventory organizationLevel) {
        this.organizationLevel = organizationLevel;
        this.lookups = facts.lookups(organizationLevel);
    }

    /** Every account, key, scanned region, error and monitoring item of the scan: what an evaluation looks up. */
    public final Inventory lookups() {
        if (lookups == null) {
            throw new IllegalStateException("the organization-level part of the inventory was not given yet");
        }
        return lookups;
    }

    /** What {@link #finish} was given: the organization, its accounts and policies, errors of no account. */
    public final Inventory organizationLevel() {
        lookups();
        return organizationLevel;
    }

    /** Every store of the scan, as far as other accounts' evaluations need it. */
    public final List<StoreStub> stores() {
        return facts.stores();
    }

    /** The organization scanned (null for a standalone account's scan, as in an inventory). */
    public final Organization organization() {
        return lookups().organization();
    }

    /** The organization's accounts in their order, added or not (an account never entered has an empty slice). */
    public final List<Account> accounts() {
        return lookups().accounts();
    }

    /** Data stores and keys of every account: what findings are about, for counts. */
    public final int resourceCount() {
        return facts.resourceCount();
    }

    /**
     * One account's inventory with what its checks look up beyond it: the organization and its
     * policies, every account's metric filters, alarms and event rules (an organization trail's
     * alerting lives in the management account), and every error.
     */
    public final Inventory slice(String accountId) {
        Inventory r = lookups();
        Inventory kept = read(accountId);
        // An account never entered (or stopped before it started) has no slice: its inventory is empty.
        Inventory own = kept != null ? kept : new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        List<Account> account = r.accounts().stream().filter(a -> a.id().equals(accountId)).toList();
        return new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), account, own.scope(), own.buckets(),
                own.accountPublicAccessBlocks(), own.keys(), own.volumes(), own.snapshots(), own.ebsDefaults(), own.vpcs(),
                own.vpcEndpoints(), own.rdsInstances(), own.rdsClusters(), own.rdsSnapshots(), own.dynamoTables(),
                own.efsFileSystems(), own.trails(), r.metricFilters(), r.metricAlarms(), r.eventRules(),
                own.configRecorders(), own.configRules(), r.serviceControlPolicies(), r.errors(), own.stores(),
                own.identities());
    }

    /** Keeps an account's slice until {@link #read} asks for it. */
    protected abstract void keep(String accountId, Inventory slice);

    /** The slice kept for an account, or null when none was. */
    protected abstract Inventory read(String accountId);

    /** Lets go of every slice. */
    @Override
    public abstract void close();
}
