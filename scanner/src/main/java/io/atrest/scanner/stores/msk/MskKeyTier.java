package io.atrest.scanner.stores.msk;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Clusters use the key tier their classification demands. */
public final class MskKeyTier extends KeyTierCheck<MskCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("msk-key-tier")
            .title("Clusters use the key tier their classification demands")
            .resourceType(MskCluster.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the cluster (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("Topics keep every event for their retention; a customer-managed key decides who may read the "
                    + "brokers' volumes and revoke it.")
            .remediation("Create a provisioned cluster whose encryption at rest uses a customer-managed key of the right "
                    + "level and mirror the topics to it (MirrorMaker); the key of a cluster cannot be changed.",
                    "aws kafka create-cluster-v2 --cluster-name <new-cluster> --provisioned file://provisioned.json")
            .mappedTo("Prowler kafka_cluster_encryption_at_rest_uses_cmk")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<MskCluster> stores(Inventory inventory) {
        return inventory.storesOf(MskCluster.class);
    }
}
