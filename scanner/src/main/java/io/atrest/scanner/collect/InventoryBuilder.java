package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
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

    /** Errors recorded so far: for progress reporting. */
    public int errorCount() {
        return errors.size();
    }

    public Inventory build(Instant collectedAt, Organization organization) {
        return new Inventory(
                Inventory.SCHEMA_VERSION,
                collectedAt,
                organization,
                sorted(accounts, Account::id),
                sorted(scope, ar -> ar.accountId() + "/" + ar.region()),
                sorted(buckets, b -> b.accountId() + "/" + b.name()),
                sorted(accountBlocks, AccountPublicAccessBlock::accountId),
                sorted(keys, KmsKey::arn),
                sorted(volumes, EbsVolume::arn),
                sorted(snapshots, s -> s.accountId() + "/" + s.region() + "/" + s.snapshotId()),
                sorted(ebsDefaults, d -> d.accountId() + "/" + d.region()),
                sorted(vpcs, Vpc::arn),
                sorted(vpcEndpoints, e -> e.accountId() + "/" + e.region() + "/" + e.endpointId()),
                sorted(rdsInstances, RdsInstance::arn),
                sorted(rdsClusters, RdsCluster::arn),
                sorted(rdsSnapshots, RdsSnapshot::arn),
                sorted(dynamoTables, DynamoTable::arn),
                sorted(efsFileSystems, EfsFileSystem::arn),
                sorted(trails, t -> t.accountId() + "/" + t.arn()),
                sorted(metricFilters, f -> f.accountId() + "/" + f.region() + "/" + f.logGroupName() + "/" + f.name()),
                sorted(metricAlarms, a -> a.accountId() + "/" + a.region() + "/" + a.name()),
                sorted(eventRules, r -> r.accountId() + "/" + r.region() + "/" + r.eventBus() + "/" + r.name()),
                sorted(configRecorders, r -> r.accountId() + "/" + r.region() + "/" + r.name()),
                sorted(configRules, r -> r.accountId() + "/" + r.region() + "/" + r.name()),
                sorted(scps, ServiceControlPolicy::id),
                sorted(errors, e -> String.join("/", Objects.toString(e.accountId()), Objects.toString(e.region()),
                        e.service(), e.operation(), Objects.toString(e.resource()))));
    }

    private static <T> List<T> sorted(Queue<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
