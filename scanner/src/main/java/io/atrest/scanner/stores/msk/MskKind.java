package io.atrest.scanner.stores.msk;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;
import java.util.Map;

/** MSK clusters, declared once. */
public final class MskKind {
    public static final StoreKind<MskCluster> KIND = StoreKind.of(MskCluster.TYPE, MskCluster.class)
            .title("MSK clusters")
            .task("msk")
            .call("Kafka", "ListClustersV2", "kafka:ListClustersV2")
            .listing(Listing.of("kafka:ListClustersV2"))
            .collector(new MskCollector())
            .attributes(c -> Map.of("clusterType", String.valueOf(c.clusterType())))
            .checks(MskKeyTier::new)
            .build();

    private MskKind() {}
}
