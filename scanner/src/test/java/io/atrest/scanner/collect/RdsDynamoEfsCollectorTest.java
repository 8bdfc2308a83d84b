package io.atrest.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeRegion;
import io.atrest.scanner.inventory.DynamoTable;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.inventory.StoreEncryption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

class RdsDynamoEfsCollectorTest {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";
    private final FakeAccount account = new FakeAccount(ACCOUNT);
    private final FakeRegion region = account.in(REGION);
    private final CallLog log = new CallLog();

    private Inventory collect() {
        InventoryBuilder sink = new InventoryBuilder();
        FakeAccountClients clients = new FakeAccountClients(account, log, 2);
        new RdsCollector(ACCOUNT, REGION, clients.rds(REGION), sink).collect();
        new DynamoCollector(ACCOUNT, REGION, clients.dynamoDb(REGION), sink).collect();
        new EfsCollector(ACCOUNT, REGION, clients.efs(REGION), sink).collect();
        return sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
    }

    private static String arn(String kind, String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":" + kind + ":" + id;
    }

    @Test
    void rdsInstancesClustersAndManualSnapshotsWithTheirRestoreAttribute() {
        for (int i = 0; i < 3; i++) {
            region.dbInstances.add(DBInstance.builder().dbInstanceIdentifier("db" + i).dbInstanceArn(arn("db", "db" + i))
                    .engine("postgres").storageEncrypted(i != 1).kmsKeyId(i != 1 ? "arn:aws:kms:eu-west-1:1:key/k" : null)
                    .publiclyAccessible(i == 2).deletionProtection(true).backupRetentionPeriod(7)
                    .tagList(Tag.builder().key("DataClassification").value("restricted").build()).build());
        }
        region.dbClusters.add(DBCluster.builder().dbClusterIdentifier("aurora").dbClusterArn(arn("cluster", "aurora"))
                .engine("aurora-postgresql").storageEncrypted(true).kmsKeyId("arn:aws:kms:eu-west-1:1:key/c").build());
        region.dbSnapshots.add(DBSnapshot.builder().dbSnapshotIdentifier("snap-open").dbSnapshotArn(arn("snapshot", "snap-open"))
                .dbInstanceIdentifier("db0").encrypted(false).build());
        region.dbSnapshots.add(DBSnapshot.builder().dbSnapshotIdentifier("snap-closed").dbSnapshotArn(arn("snapshot", "snap-closed"))
                .encrypted(true).build());
        region.clusterSnapshots.add(DBClusterSnapshot.builder().dbClusterSnapshotIdentifier("csnap")
                .dbClusterSnapshotArn(arn("cluster-snapshot", "csnap")).storageEncrypted(true).build());
        region.publicDbSnapshots.add("snap-open");

        Inventory inventory = collect();

        assertThat(inventory.rdsInstances()).hasSize(3);
        assertThat(log.calls().stream().filter("Rds:DescribeDBInstances"::equals)).hasSize(2);
        assertThat(inventory.rdsInstances().get(1).storeEncryption().value()).isEqualTo(StoreEncryption.NONE);
        assertThat(inventory.rdsInstances().get(2).publiclyAccessible()).isTrue();
        assertThat(inventory.rdsInstances().get(0).tags()).containsEntry("DataClassification", "restricted");
        assertThat(inventory.rdsClusters()).singleElement().satisfies(c -> assertThat(c.storageEncrypted()).isTrue());
        assertThat(inventory.rdsSnapshots()).extracting(RdsSnapshot::identifier, s -> s.publicRestore().value(), RdsSnapshot::clusterSnapshot)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("snap-open", true, false),
                        org.assertj.core.groups.Tuple.tuple("snap-closed", false, false),
                        org.assertj.core.groups.Tuple.tuple("csnap", false, true));
    }

    @Test
    void dynamoTablesKnowTheirKeyPitrAndTags() {
        for (String name : new String[] {"owned", "managed", "customer"}) {
            TableDescription.Builder t = TableDescription.builder().tableName(name)
                    .tableArn("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name).tableStatus("ACTIVE")
                    .deletionProtectionEnabled(name.equals("customer"));
            if (!name.equals("owned")) {
                t.sseDescription(SSEDescription.builder().sseType("KMS").status("ENABLED")
                        .kmsMasterKeyArn("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + name).build());
            }
            region.tables.put(name, t.build());
        }
        region.pitrTables.add("customer");
        region.tableTags.put("customer", Map.of("DataClassification", "restricted"));

        Inventory inventory = collect();

        assertThat(log.calls().stream().filter("DynamoDb:ListTables"::equals)).hasSize(2);
        DynamoTable owned = inventory.dynamoTables().stream().filter(t -> t.name().equals("owned")).findFirst().orElseThrow();
        DynamoTable customer = inventory.dynamoTables().stream().filter(t -> t.name().equals("customer")).findFirst().orElseThrow();
        assertThat(owned.storeEncryption().value()).isEqualTo(StoreEncryption.PROVIDER_OWNED);
        assertThat(customer.storeEncryption().value().kmsKeyRef()).endsWith("key/customer");
        assertThat(customer.pointInTimeRecovery().value()).isTrue();
        assertThat(owned.pointInTimeRecovery().value()).isFalse();
        assertThat(customer.tags().value()).containsEntry("DataClassification", "restricted");
        assertThat(customer.deletionProtection()).isTrue();
    }

    @Test
    void aTableWhosePitrIsDeniedKeepsTheGap() {
        region.tables.put("t", TableDescription.builder().tableName("t").tableArn("arn:aws:dynamodb:eu-west-1:1:table/t").build());
        log.fail("DynamoDb:DescribeContinuousBackups:t", "AccessDeniedException", 400);
        Inventory inventory = collect();
        assertThat(inventory.dynamoTables()).singleElement().satisfies(t -> {
            assertThat(t.pointInTimeRecovery().isKnown()).isFalse();
            assertThat(t.pointInTimeRecovery().error().reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        });
    }

    @Test
    void efsFileSystemsWithBackupPolicyOrNone() {
        region.fileSystems.add(FileSystemDescription.builder().fileSystemId("fs-1").fileSystemArn("arn:fs-1").name("home")
                .encrypted(true).kmsKeyId("arn:aws:kms:eu-west-1:1:key/k").build());
        region.fileSystems.add(FileSystemDescription.builder().fileSystemId("fs-2").fileSystemArn("arn:fs-2").encrypted(false).build());
        region.backupPolicies.put("fs-1", "ENABLED");
        Inventory inventory = collect();
        assertThat(inventory.efsFileSystems()).hasSize(2);
        assertThat(inventory.efsFileSystems().get(0).automaticBackups().value()).isTrue();
        assertThat(inventory.efsFileSystems().get(1).automaticBackups().value()).isFalse();
        assertThat(inventory.efsFileSystems().get(1).storeEncryption().value()).isEqualTo(StoreEncryption.NONE);
        assertThat(inventory.errors()).isEmpty();
    }
}
