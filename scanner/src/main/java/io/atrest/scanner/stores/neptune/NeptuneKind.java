package io.atrest.scanner.stores.neptune;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** Neptune clusters, declared once. */
public final class NeptuneKind {
    public static final StoreKind<NeptuneCluster> KIND = StoreKind.of(NeptuneCluster.TYPE, NeptuneCluster.class)
            .title("Neptune clusters")
            .asff("AwsRdsDbCluster")
            .task("neptune")
            .call("Rds", "DescribeDBClusters", "rds:DescribeDBClusters")
            .listing(Listing.scoped("rds:DescribeDBClusters", "engine=neptune"))
            .collector(new NeptuneCollector())
            .checks(NeptuneEncrypted::new, NeptuneKeyTier::new)
            .build();

    private NeptuneKind() {}
}
