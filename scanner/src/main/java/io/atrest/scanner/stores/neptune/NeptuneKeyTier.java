package io.atrest.scanner.stores.neptune;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Clusters use the key tier their classification demands. */
public final class NeptuneKeyTier extends KeyTierCheck<NeptuneCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("neptune-key-tier")
            .title("Clusters use the key tier their classification demands")
            .resourceType(NeptuneCluster.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the cluster (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may restore the graph's snapshots, and revoke "
                    + "it.")
            .remediation("Restore a snapshot of the cluster as a new cluster encrypted with a customer-managed key of the "
                    + "right level.",
                    "aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> "
                    + "--snapshot-identifier <snapshot> --engine neptune --kms-key-id <key-arn>")
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
