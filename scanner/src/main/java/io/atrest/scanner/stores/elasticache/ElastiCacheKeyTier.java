package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Replication groups use the key tier their classification demands. */
public final class ElastiCacheKeyTier extends KeyTierCheck<ElastiCacheReplicationGroup> {

    public static final CheckInfo INFO = CheckInfo.builder("elasticache-key-tier")
            .title("Replication groups use the key tier their classification demands")
            .resourceType(ElastiCacheReplicationGroup.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the replication group (none < provider-owned < AWS-managed "
                    + "KMS < customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may read the cache's snapshots, and revoke it.")
            .remediation("Create a replication group encrypted with a customer-managed key of the right level from a "
                    + "snapshot of the old one, and move the clients.",
                    "aws elasticache create-replication-group --replication-group-id <new-group> "
                    + "--replication-group-description <description> --at-rest-encryption-enabled --kms-key-id "
                    + "<key-arn> --snapshot-name <snapshot>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<ElastiCacheReplicationGroup> stores(Inventory inventory) {
        return inventory.storesOf(ElastiCacheReplicationGroup.class);
    }
}
