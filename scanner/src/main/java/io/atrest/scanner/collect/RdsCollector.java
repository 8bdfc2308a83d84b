package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsCluster;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.inventory.RdsSnapshot;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Collects one region's DB instances and clusters (tags come with the lists) and the manual
 * snapshots, with each snapshot's "restore" attribute: RDS has no list filter for public
 * snapshots, so that one call per manual snapshot is unavoidable.
 */
public final class RdsCollector {
    private final String accountId;
    private final String region;
    private final RdsClient rds;
    private final InventoryBuilder sink;

    /**
     * Engines RDS also serves whose clusters are kinds of store of their own (DocumentDB, Neptune):
     * listed and judged there, their clusters and instances are not RDS databases here.
     */
    static final java.util.Set<String> OWN_KINDS = java.util.Set.of("docdb", "neptune");

    public RdsCollector(String accountId, String region, RdsClient rds, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.rds = rds;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<DBInstance>> instances = calls.observe("rds", "DescribeDBInstances", null,
                () -> rds.describeDBInstancesPaginator(r -> { }).dbInstances().stream().toList());
        if (instances.isKnown()) {
            for (DBInstance i : instances.value()) {
                if (OWN_KINDS.contains(i.engine())) {
                    continue;
                }
                sink.rdsInstance(new RdsInstance(accountId, region, i.dbInstanceIdentifier(), i.dbInstanceArn(), i.engine(),
                        isTrue(i.storageEncrypted()), i.kmsKeyId(), isTrue(i.publiclyAccessible()), isTrue(i.deletionProtection()),
                        i.backupRetentionPeriod() == null ? 0 : i.backupRetentionPeriod(), i.dbClusterIdentifier(), tags(i.tagList())));
            }
        }
        Observed<List<DBCluster>> clusters = calls.observe("rds", "DescribeDBClusters", null,
                () -> rds.describeDBClustersPaginator(r -> { }).dbClusters().stream().toList());
        if (clusters.isKnown()) {
            for (DBCluster c : clusters.value()) {
                if (OWN_KINDS.contains(c.engine())) {
                    continue;
                }
                sink.rdsCluster(new RdsCluster(accountId, region, c.dbClusterIdentifier(), c.dbClusterArn(), c.engine(),
                        isTrue(c.storageEncrypted()), c.kmsKeyId(), isTrue(c.deletionProtection()),
                        c.backupRetentionPeriod() == null ? 0 : c.backupRetentionPeriod(), tags(c.tagList())));
            }
        }
        Observed<List<DBSnapshot>> snapshots = calls.observe("rds", "DescribeDBSnapshots", null,
                () -> rds.describeDBSnapshotsPaginator(r -> r.snapshotType("manual")).dbSnapshots().stream().toList());
        if (snapshots.isKnown()) {
            for (DBSnapshot s : snapshots.value()) {
                Observed<Boolean> restorable = calls.observe("rds", "DescribeDBSnapshotAttributes", s.dbSnapshotArn(),
                        () -> rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(s.dbSnapshotIdentifier()))
                                .dbSnapshotAttributesResult().dbSnapshotAttributes().stream()
                                .anyMatch(a -> "restore".equals(a.attributeName()) && a.attributeValues().contains("all")));
                sink.rdsSnapshot(new RdsSnapshot(accountId, region, s.dbSnapshotIdentifier(), s.dbSnapshotArn(), false,
                        s.dbInstanceIdentifier(), isTrue(s.encrypted()), s.kmsKeyId(), s.snapshotCreateTime(), restorable,
                        tags(s.tagList())));
            }
        }
        Observed<List<DBClusterSnapshot>> clusterSnapshots = calls.observe("rds", "DescribeDBClusterSnapshots", null,
                () -> rds.describeDBClusterSnapshotsPaginator(r -> r.snapshotType("manual")).dbClusterSnapshots().stream().toList());
        if (clusterSnapshots.isKnown()) {
            for (DBClusterSnapshot s : clusterSnapshots.value()) {
                Observed<Boolean> restorable = calls.observe("rds", "DescribeDBClusterSnapshotAttributes", s.dbClusterSnapshotArn(),
                        () -> rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(s.dbClusterSnapshotIdentifier()))
                                .dbClusterSnapshotAttributesResult().dbClusterSnapshotAttributes().stream()
                                .anyMatch(a -> "restore".equals(a.attributeName()) && a.attributeValues().contains("all")));
                sink.rdsSnapshot(new RdsSnapshot(accountId, region, s.dbClusterSnapshotIdentifier(), s.dbClusterSnapshotArn(), true,
                        s.dbClusterIdentifier(), isTrue(s.storageEncrypted()), s.kmsKeyId(), s.snapshotCreateTime(), restorable,
                        tags(s.tagList())));
            }
        }
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static java.util.Map<String, String> tags(List<Tag> tags) {
        return Tags.of(tags, Tag::key, Tag::value);
    }
}
