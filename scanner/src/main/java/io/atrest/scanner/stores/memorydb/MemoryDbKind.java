package io.atrest.scanner.stores.memorydb;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** MemoryDB clusters, declared once. */
public final class MemoryDbKind {
    public static final StoreKind<MemoryDbCluster> KIND = StoreKind.of(MemoryDbCluster.TYPE, MemoryDbCluster.class)
            .title("MemoryDB clusters")
            .asff("Other")
            .task("memorydb")
            .call("MemoryDb", "DescribeClusters", "memorydb:DescribeClusters")
            .call("MemoryDb", "ListTags", "memorydb:ListTags")
            .listing(Listing.of("memorydb:DescribeClusters"))
            .collector(new MemoryDbCollector())
            .checks(MemoryDbKeyTier::new)
            .build();

    private MemoryDbKind() {}
}
