package io.atrest.scanner.check.rds;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsInstance;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.stream.Stream;

/**
 * RDS instances and clusters encrypt their storage. An instance that belongs to a cluster keeps
 * its data in the cluster's volume, so the cluster is judged and the instance is NOT_APPLICABLE.
 */
public final class RdsStorageEncrypted extends EncryptionCheck<DataStore> {

    public static final CheckInfo INFO = CheckInfo.builder("rds-storage-encrypted")
            .title("RDS instances and clusters encrypt their storage")
            .resourceType(ResourceType.AwsRdsDbInstance)
            .severity(Severity.HIGH)
            .passesWhen("StorageEncrypted is true on every DB instance and DB cluster.")
            .rationale("Storage encryption also covers the automated backups, read replicas and snapshots of the database; it can "
                    + "only be chosen at creation, so an unencrypted database stays so until migrated.")
            .remediation("Take a snapshot, copy it with encryption (RDS console > Snapshots > Copy > Enable encryption), restore a "
                            + "new instance from the copy and switch the application over.",
                    "aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key-arn>")
            .mappedTo("FSBP RDS.3", "FSBP RDS.27", "CIS 2.3.1", "Config rds-storage-encrypted", "Prowler rds_instance_storage_encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DataStore> stores(Inventory inventory) {
        return Stream.concat(inventory.rdsClusters().stream(), inventory.rdsInstances().stream()).map(s -> (DataStore) s).toList();
    }

    @Override
    protected Verdict judge(DataStore store, Observed<Classification> classification, Evaluation evaluation) {
        if (store instanceof RdsInstance instance && instance.clusterIdentifier() != null) {
            return Verdict.notApplicable("stores its data in cluster " + instance.clusterIdentifier())
                    .with("cluster", instance.clusterIdentifier());
        }
        return super.judge(store, classification, evaluation);
    }
}
