package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountIdentities;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.ConfigRecorder;
import io.atrest.scanner.inventory.ConfigRule;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.EbsDefaults;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.inventory.EventRule;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.MetricAlarm;
import io.atrest.scanner.inventory.MetricFilter;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.RdsCluster;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.inventory.VpcEndpoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Gathers what collectors find, from many threads at once, into one {@link Inventory}. The
 * inventory's lists come out sorted, so the same organization gives the same document.
 */
public final class InventoryBuilder {
    private final Queue<Account> accounts = new ConcurrentLinkedQueue<>();
    private final Queue<AccountRegion> scope = new ConcurrentLinkedQueue<>();
    private final Queue<S3Bucket> buckets = new ConcurrentLinkedQueue<>();
    private final Queue<AccountPublicAccessBlock> accountBlocks = new ConcurrentLinkedQueue<>();
    private final Queue<KmsKey> keys = new ConcurrentLinkedQueue<>();
    private final Queue<EbsVolume> volumes = new ConcurrentLinkedQueue<>();
    private final Queue<EbsSnapshot> snapshots = new ConcurrentLinkedQueue<>();
    private final Queue<EbsDefaults> ebsDefaults = new ConcurrentLinkedQueue<>();
    private final Queue<Vpc> vpcs = new ConcurrentLinkedQueue<>();
    private final Queue<VpcEndpoint> vpcEndpoints = new ConcurrentLinkedQueue<>();
    private final Queue<RdsInstance> rdsInstances = new ConcurrentLinkedQueue<>();
    private final Queue<RdsCluster> rdsClusters = new ConcurrentLinkedQueue<>();
    private final Queue<RdsSnapshot> rdsSnapshots = new ConcurrentLinkedQueue<>();
    private final Queue<DynamoTable> dynamoTables = new ConcurrentLinkedQueue<>();
    private final Queue<EfsFileSystem> efsFileSystems = new ConcurrentLinkedQueue<>();
    private final Queue<Trail> trails = new ConcurrentLinkedQueue<>();
    private final Queue<MetricFilter> metricFilters = new ConcurrentLinkedQueue<>();
    private final Queue<MetricAlarm> metricAlarms = new ConcurrentLinkedQueue<>();
    private final Queue<EventRule> eventRules = new ConcurrentLinkedQueue<>();
    private final Queue<ConfigRecorder> configRecorders = new ConcurrentLinkedQueue<>();
    private final Queue<ConfigRule> configRules = new ConcurrentLinkedQueue<>();
    private final Queue<ServiceControlPolicy> scps = new ConcurrentLinkedQueue<>();
    private final Queue<CollectionError> errors = new ConcurrentLinkedQueue<>();
    private final Queue<DataStore> stores = new ConcurrentLinkedQueue<>();
    private final Queue<AccountIdentities> identities = new ConcurrentLinkedQueue<>();

    public void account(Account v) { accounts.add(v); }
    public void scope(AccountRegion v) { scope.add(v); }
    public void bucket(S3Bucket v) { buckets.add(v); }
    public void accountPublicAccessBlock(AccountPublicAccessBlock v) { accountBlocks.add(v); }
    public void key(KmsKey v) { keys.add(v); }
    public void volume(EbsVolume v) { volumes.add(v); }
    public void snapshot(EbsSnapshot v) { snapshots.add(v); }
    public void ebsDefaults(EbsDefaults v) { ebsDefaults.add(v); }
    public void vpc(Vpc v) { vpcs.add(v); }
    public void vpcEndpoint(VpcEndpoint v) { vpcEndpoints.add(v); }
    public void rdsInstance(RdsInstance v) { rdsInstances.add(v); }
    public void rdsCluster(RdsCluster v) { rdsClusters.add(v); }
    public void rdsSnapshot(RdsSnapshot v) { rdsSnapshots.add(v); }
    public void dynamoTable(DynamoTable v) { dynamoTables.add(v); }
    public void efsFileSystem(EfsFileSystem v) { efsFileSystems.add(v); }
    public void trail(Trail v) { trails.add(v); }
    public void metricFilter(MetricFilter v) { metricFilters.add(v); }
    public void metricAlarm(MetricAlarm v) { metricAlarms.add(v); }
    public void eventRule(EventRule v) { eventRules.add(v); }
    public void configRecorder(ConfigRecorder v) { configRecorders.add(v); }
    public void configRule(ConfigRule v) { configRules.add(v); }
    public void serviceControlPolicy(ServiceControlPolicy v) { scps.add(v); }
    public void error(CollectionError v) { errors.add(v); }
    /** A store of a kind declared by a {@code StoreKind}. */
    public void store(DataStore v) { stores.add(v); }
    public void identities(AccountIdentities v) { identities.add(v); }

    /** A builder holding everything of {@code inventory}: to slice a saved inventory account by account. */
    public static InventoryBuilder of(Inventory inventory) {
        InventoryBuilder b = new InventoryBuilder();
        b.accounts.addAll(inventory.accounts());
        b.scps.addAll(inventory.serviceControlPolicies());
        b.addResources(inventory);
        return b;
    }

    /**
     * Adds everything of {@code inventory} but its accounts and policies: to put an account's slice
     * back together with what belongs to no account.
     */
    public void addResources(Inventory inventory) {
        InventoryBuilder b = this;
        b.scope.addAll(inventory.scope());
        b.buckets.addAll(inventory.buckets());
        b.accountBlocks.addAll(inventory.accountPublicAccessBlocks());
        b.keys.addAll(inventory.keys());
        b.volumes.addAll(inventory.volumes());
        b.snapshots.addAll(inventory.snapshots());
        b.ebsDefaults.addAll(inventory.ebsDefaults());
        b.vpcs.addAll(inventory.vpcs());
        b.vpcEndpoints.addAll(inventory.vpcEndpoints());
        b.rdsInstances.addAll(inventory.rdsInstances());
        b.rdsClusters.addAll(inventory.rdsClusters());
        b.rdsSnapshots.addAll(inventory.rdsSnapshots());
        b.dynamoTables.addAll(inventory.dynamoTables());
        b.efsFileSystems.addAll(inventory.efsFileSystems());
        b.trails.addAll(inventory.trails());
        b.metricFilters.addAll(inventory.metricFilters());
        b.metricAlarms.addAll(inventory.metricAlarms());
        b.eventRules.addAll(inventory.eventRules());
        b.configRecorders.addAll(inventory.configRecorders());
        b.configRules.addAll(inventory.configRules());
        b.errors.addAll(inventory.errors());
        b.stores.addAll(inventory.stores());
        b.identities.addAll(inventory.identities());
    }

    /** Errors recorded so far: for progress reporting. */
    public int errorCount() {
        return errors.size();
    }

    public Inventory build(Instant collectedAt, Organization organization) {
        return assemble(collectedAt, organization, List.copyOf(accounts), List.copyOf(scps), new Pick() {
            @Override
            public <T> List<T> from(Queue<T> items, Function<T, String> accountOf) {
                return List.copyOf(items);
            }
        });
    }

    /**
     * Takes one account's part out of what was gathered: its resources, monitoring, scope and
     * errors, as an inventory of that account alone (sorted like {@link #build}). The account
     * itself stays, with the organization, its policies and errors that belong to no account,
     * for {@link #build}. Call it once the account's collectors are done.
     */
    public Inventory drain(String accountId, Instant collectedAt, Organization organization) {
        List<Account> account = accounts.stream().filter(a -> a.id().equals(accountId)).toList();
        return assemble(collectedAt, organization, account, List.of(), new Pick() {
            @Override
            public <T> List<T> from(Queue<T> items, Function<T, String> accountOf) {
                return take(items, accountId, accountOf);
            }
        });
    }

    /** Which items of a queue go into an inventory: all of them, or one account's. */
    private interface Pick {
        <T> List<T> from(Queue<T> items, Function<T, String> accountOf);
    }

    /** The inventory of the items {@code pick} chooses, every list sorted, so the same organization gives the same document. */
    private Inventory assemble(Instant collectedAt, Organization organization, List<Account> accountList,
                               List<ServiceControlPolicy> policies, Pick pick) {
        return new Inventory(
                Inventory.SCHEMA_VERSION,
                collectedAt,
                organization,
                sorted(accountList, Account::id),
                sorted(pick.from(scope, AccountRegion::accountId), ar -> ar.accountId() + "/" + ar.region()),
                sorted(pick.from(buckets, S3Bucket::accountId), b -> b.accountId() + "/" + b.name()),
                sorted(pick.from(accountBlocks, AccountPublicAccessBlock::accountId), AccountPublicAccessBlock::accountId),
                sorted(pick.from(keys, KmsKey::accountId), KmsKey::arn),
                sorted(pick.from(volumes, EbsVolume::accountId), EbsVolume::arn),
                sorted(pick.from(snapshots, EbsSnapshot::accountId), s -> s.accountId() + "/" + s.region() + "/" + s.snapshotId()),
                sorted(pick.from(ebsDefaults, EbsDefaults::accountId), d -> d.accountId() + "/" + d.region()),
                sorted(pick.from(vpcs, Vpc::accountId), Vpc::arn),
                sorted(pick.from(vpcEndpoints, VpcEndpoint::accountId), e -> e.accountId() + "/" + e.region() + "/" + e.endpointId()),
                sorted(pick.from(rdsInstances, RdsInstance::accountId), RdsInstance::arn),
                sorted(pick.from(rdsClusters, RdsCluster::accountId), RdsCluster::arn),
                sorted(pick.from(rdsSnapshots, RdsSnapshot::accountId), RdsSnapshot::arn),
                sorted(pick.from(dynamoTables, DynamoTable::accountId), DynamoTable::arn),
                sorted(pick.from(efsFileSystems, EfsFileSystem::accountId), EfsFileSystem::arn),
                sorted(pick.from(trails, Trail::accountId), t -> t.accountId() + "/" + t.arn()),
                sorted(pick.from(metricFilters, MetricFilter::accountId), f -> f.accountId() + "/" + f.region() + "/" + f.logGroupName() + "/" + f.name()),
                sorted(pick.from(metricAlarms, MetricAlarm::accountId), a -> a.accountId() + "/" + a.region() + "/" + a.name()),
                sorted(pick.from(eventRules, EventRule::accountId), r -> r.accountId() + "/" + r.region() + "/" + r.eventBus() + "/" + r.name()),
                sorted(pick.from(configRecorders, ConfigRecorder::accountId), r -> r.accountId() + "/" + r.region() + "/" + r.name()),
                sorted(pick.from(configRules, ConfigRule::accountId), r -> r.accountId() + "/" + r.region() + "/" + r.name()),
                sorted(policies, ServiceControlPolicy::id),
                sorted(pick.from(errors, CollectionError::accountId), InventoryBuilder::errorKey),
                sorted(pick.from(stores, DataStore::accountId), DataStore::arn),
                sorted(pick.from(identities, AccountIdentities::accountId), AccountIdentities::accountId));
    }

    /** Removes and returns the items of one account; safe while other threads add items of other accounts. */
    private static <T> List<T> take(Queue<T> items, String accountId, Function<T, String> account) {
        List<T> taken = new java.util.ArrayList<>();
        for (java.util.Iterator<T> it = items.iterator(); it.hasNext(); ) {
            T item = it.next();
            if (accountId.equals(account.apply(item))) {
                taken.add(item);
                it.remove();
            }
        }
        return taken;
    }

    private static String errorKey(CollectionError e) {
        return String.join("/", Objects.toString(e.accountId()), Objects.toString(e.region()),
                e.service(), e.operation(), Objects.toString(e.resource()));
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
