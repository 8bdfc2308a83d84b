package io.atrest.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one scan saw, and what it could not see. An immutable document: checks read it,
 * never AWS, and it can be saved and evaluated again later against another policy. Lists
 * absent from an older document read as empty.
 *
 * @param scope the accounts and regions the scan covered
 * @param stores the stores of every kind declared by a {@code StoreKind} (Redshift, SQS, ...), each
 *     written with its kind's name; the six original kinds have their own lists
 * @param identities each account's IAM identities and their policies (who may use its keys)
 */
public record Inventory(
        int schemaVersion,
        Instant collectedAt,
        Organization organization,
        List<Account> accounts,
        List<AccountRegion> scope,
        List<S3Bucket> buckets,
        List<AccountPublicAccessBlock> accountPublicAccessBlocks,
        List<KmsKey> keys,
        List<EbsVolume> volumes,
        List<EbsSnapshot> snapshots,
        List<EbsDefaults> ebsDefaults,
        List<Vpc> vpcs,
        List<VpcEndpoint> vpcEndpoints,
        List<RdsInstance> rdsInstances,
        List<RdsCluster> rdsClusters,
        List<RdsSnapshot> rdsSnapshots,
        List<DynamoTable> dynamoTables,
        List<EfsFileSystem> efsFileSystems,
        List<Trail> trails,
        List<MetricFilter> metricFilters,
        List<MetricAlarm> metricAlarms,
        List<EventRule> eventRules,
        List<ConfigRecorder> configRecorders,
        List<ConfigRule> configRules,
        List<ServiceControlPolicy> serviceControlPolicies,
        List<CollectionError> errors,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
        List<DataStore> stores,
        List<AccountIdentities> identities) {

    /** The inventory document format this program writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Inventory {
        accounts = copy(accounts);
        scope = copy(scope);
        buckets = copy(buckets);
        accountPublicAccessBlocks = copy(accountPublicAccessBlocks);
        keys = copy(keys);
        volumes = copy(volumes);
        snapshots = copy(snapshots);
        ebsDefaults = copy(ebsDefaults);
        vpcs = copy(vpcs);
        vpcEndpoints = copy(vpcEndpoints);
        rdsInstances = copy(rdsInstances);
        rdsClusters = copy(rdsClusters);
        rdsSnapshots = copy(rdsSnapshots);
        dynamoTables = copy(dynamoTables);
        efsFileSystems = copy(efsFileSystems);
        trails = copy(trails);
        metricFilters = copy(metricFilters);
        metricAlarms = copy(metricAlarms);
        eventRules = copy(eventRules);
        configRecorders = copy(configRecorders);
        configRules = copy(configRules);
        serviceControlPolicies = copy(serviceControlPolicies);
        errors = copy(errors);
        stores = copy(stores);
        identities = copy(identities);
    }

    /** An inventory of the original kinds only (no store of a declared kind). */
    public Inventory(int schemaVersion, Instant collectedAt, Organization organization, List<Account> accounts,
                     List<AccountRegion> scope, List<S3Bucket> buckets, List<AccountPublicAccessBlock> accountPublicAccessBlocks,
                     List<KmsKey> keys, List<EbsVolume> volumes, List<EbsSnapshot> snapshots, List<EbsDefaults> ebsDefaults,
                     List<Vpc> vpcs, List<VpcEndpoint> vpcEndpoints, List<RdsInstance> rdsInstances, List<RdsCluster> rdsClusters,
                     List<RdsSnapshot> rdsSnapshots, List<DynamoTable> dynamoTables, List<EfsFileSystem> efsFileSystems,
                     List<Trail> trails, List<MetricFilter> metricFilters, List<MetricAlarm> metricAlarms, List<EventRule> eventRules,
                     List<ConfigRecorder> configRecorders, List<ConfigRule> configRules,
                     List<ServiceControlPolicy> serviceControlPolicies, List<CollectionError> errors) {
        this(schemaVersion, collectedAt, organization, accounts, scope, buckets, accountPublicAccessBlocks, keys, volumes, snapshots,
                ebsDefaults, vpcs, vpcEndpoints, rdsInstances, rdsClusters, rdsSnapshots, dynamoTables, efsFileSystems, trails,
                metricFilters, metricAlarms, eventRules, configRecorders, configRules, serviceControlPolicies, errors, List.of(), List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Every data store, of every kind. */
    @JsonIgnore
    public List<DataStore> dataStores() {
        return Stream.of(buckets, volumes, snapshots, rdsInstances, rdsClusters, rdsSnapshots, dynamoTables, efsFileSystems, stores)
                .flatMap(List::stream)
                .map(DataStore.class::cast)
                .toList();
    }

    /** The stores of one declared kind ({@code stores} holds every kind beyond the original six). */
    public <T extends DataStore> List<T> storesOf(Class<T> kind) {
        return stores.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Data stores and keys: what findings are about, for counts. */
    public int resourceCount() {
        return dataStores().size() + keys.size();
    }
}
