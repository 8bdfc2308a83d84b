package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** ElastiCache replication groups, declared once. */
public final class ElastiCacheKind {
    public static final StoreKind<ElastiCacheReplicationGroup> KIND = StoreKind.of(ElastiCacheReplicationGroup.TYPE, ElastiCacheReplicationGroup.class)
            .title("ElastiCache replication groups")
            .asff("Other")
            .task("elasticache")
            .call("ElastiCache", "DescribeReplicationGroups", "elasticache:DescribeReplicationGroups")
            .call("ElastiCache", "ListTagsForResource", "elasticache:ListTagsForResource")
            .listing(Listing.of("elasticache:DescribeReplicationGroups"))
            .collector(new ElastiCacheCollector())
            .checks(ElastiCacheEncrypted::new, ElastiCacheKeyTier::new)
            .build();

    private ElastiCacheKind() {}
}
