package io.atrest.scanner.stores.memorydb;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Clusters use the key tier their classification demands. */
public final class MemoryDbKeyTier extends KeyTierCheck<MemoryDbCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("memorydb-key-tier")
            .title("Clusters use the key tier their classification demands")
            .resourceType(MemoryDbCluster.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the cluster (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("MemoryDB is a primary database, not a cache: its data and snapshots deserve the key the data's "
                    + "level demands.")
            .remediation("Create a cluster with a customer-managed key of the right level (MemoryDB console > Create > "
                    + "Encryption at rest > Customer managed key) from a snapshot of the old one.",
                    "aws memorydb create-cluster --cluster-name <new-cluster> --node-type <node-type> --acl-name "
                    + "<acl> --kms-key-id <key-arn> --snapshot-name <snapshot>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<MemoryDbCluster> stores(Inventory inventory) {
        return inventory.storesOf(MemoryDbCluster.class);
    }
}
