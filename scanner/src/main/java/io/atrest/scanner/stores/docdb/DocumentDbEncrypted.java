package io.atrest.scanner.stores.docdb;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** DocumentDB clusters are encrypted at rest. */
public final class DocumentDbEncrypted extends EncryptionCheck<DocumentDbCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("docdb-encrypted")
            .title("DocumentDB clusters are encrypted at rest")
            .resourceType(DocumentDbCluster.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeDBClusters (engine docdb) reports StorageEncrypted for the cluster.")
            .rationale("Storage encryption is chosen when a DocumentDB cluster is created; an unencrypted cluster keeps "
                    + "its documents, backups and snapshots in the clear.")
            .remediation("Take a snapshot, restore it as an encrypted cluster (DocumentDB console > Snapshots > Restore > "
                    + "Encryption at rest), move the clients, then delete the old cluster.",
                    "aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> "
                    + "--snapshot-identifier <snapshot> --engine docdb --kms-key-id <key-arn>")
            .mappedTo("FSBP DocumentDB.1", "Config docdb-cluster-encrypted", "Prowler documentdb_cluster_storage_encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DocumentDbCluster> stores(Inventory inventory) {
        return inventory.storesOf(DocumentDbCluster.class);
    }
}
