package io.atrest.scanner.stores.dax;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** DAX clusters are encrypted at rest. */
public final class DaxEncrypted extends EncryptionCheck<DaxCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("dax-encrypted")
            .title("DAX clusters are encrypted at rest")
            .resourceType(DaxCluster.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeClusters reports SSEDescription Status ENABLED (or ENABLING) for the cluster.")
            .rationale("A DAX cluster caches the items of the tables behind it, so it holds their data; encryption at "
                    + "rest can only be chosen when the cluster is created.")
            .remediation("Create a DAX cluster with encryption at rest enabled (DynamoDB console > DAX > Create cluster > "
                    + "Encryption), point the clients at it, then delete the old one.",
                    "aws dax create-cluster --cluster-name <new-cluster> --node-type <node-type> "
                    + "--replication-factor 3 --iam-role-arn <role-arn> --sse-specification Enabled=true")
            .mappedTo("FSBP DynamoDB.3", "Config dax-encryption-enabled", "Prowler dynamodb_accelerator_cluster_encryption_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<DaxCluster> stores(Inventory inventory) {
        return inventory.storesOf(DaxCluster.class);
    }
}
