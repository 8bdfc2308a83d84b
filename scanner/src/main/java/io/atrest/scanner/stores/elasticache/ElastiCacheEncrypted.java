package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** ElastiCache replication groups are encrypted at rest. */
public final class ElastiCacheEncrypted extends EncryptionCheck<ElastiCacheReplicationGroup> {

    public static final CheckInfo INFO = CheckInfo.builder("elasticache-encrypted")
            .title("ElastiCache replication groups are encrypted at rest")
            .resourceType(ElastiCacheReplicationGroup.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeReplicationGroups reports AtRestEncryptionEnabled for the group.")
            .rationale("Cached data, snapshots and swap of a cache often hold session tokens and personal data; at-rest "
                    + "encryption can only be chosen when the group is created.")
            .remediation("Create a replication group with encryption at rest enabled (ElastiCache console > Create > "
                    + "Encryption at rest), restore it from a snapshot of the old one, and move the clients.",
                    "aws elasticache create-replication-group --replication-group-id <new-group> "
                    + "--replication-group-description <description> --at-rest-encryption-enabled --kms-key-id "
                    + "<key-arn> --snapshot-name <snapshot>")
            .mappedTo("FSBP ElastiCache.4", "Config elasticache-repl-grp-encrypted-at-rest", "Prowler elasticache_redis_cluster_rest_encryption_enabled")
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
