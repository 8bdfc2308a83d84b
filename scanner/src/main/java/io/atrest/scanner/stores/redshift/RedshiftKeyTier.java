package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Redshift clusters use the key tier their classification demands. */
public final class RedshiftKeyTier extends KeyTierCheck<RedshiftCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("redshift-key-tier")
            .title("Redshift clusters use the key tier their classification demands")
            .resourceType(RedshiftCluster.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the cluster (none < AWS-owned < AWS-managed KMS < customer-managed KMS) "
                    + "meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may decrypt the warehouse, and revoke it.")
            .remediation("Redshift console > cluster > Actions > Modify > Encryption: choose a customer-managed KMS key of the right level.",
                    "aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RedshiftCluster> stores(Inventory inventory) {
        return inventory.storesOf(RedshiftCluster.class);
    }
}
