package io.atrest.scanner.stores.docdb;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Clusters use the key tier their classification demands. */
public final class DocumentDbKeyTier extends KeyTierCheck<DocumentDbCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("docdb-key-tier")
            .title("Clusters use the key tier their classification demands")
            .resourceType(DocumentDbCluster.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the cluster (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may restore the cluster's snapshots, and "
                    + "revoke it.")
            .remediation("Restore a snapshot of the cluster as a new cluster encrypted with a customer-managed key of the "
                    + "right level.",
                    "aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster> "
                    + "--snapshot-identifier <snapshot> --engine docdb --kms-key-id <key-arn>")
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
