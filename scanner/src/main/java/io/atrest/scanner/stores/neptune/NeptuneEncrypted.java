package io.atrest.scanner.stores.neptune;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Neptune clusters are encrypted at rest. */
public final class NeptuneEncrypted extends EncryptionCheck<NeptuneCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("neptune-encrypted")
            .title("Neptune clusters are encrypted at rest")
            .resourceType(NeptuneCluster.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeDBClusters (engine neptune) reports StorageEncrypted for the cluster.")
            .rationale("A graph of who knows whom is sensitive in itself; storage encryption is chosen when the cluster "
                    + "is created and covers its backups and snapshots.")
            .remediation("Take a snapshot, restore it as an encrypted cluster (Neptune console > Snapshots > Restore > "
                    + "Encryption), move the clients, then delete the old cluster.",
                    "aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> "
                    + "--snapshot-identifier <snapshot> --engine neptune --kms-key-id <key-arn>")
            .mappedTo("FSBP Neptune.1", "Config neptune-cluster-encrypted", "Prowler neptune_cluster_storage_encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<NeptuneCluster> stores(Inventory inventory) {
        return inventory.storesOf(NeptuneCluster.class);
    }
}
