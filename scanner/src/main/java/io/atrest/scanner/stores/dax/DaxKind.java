package io.atrest.scanner.stores.dax;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** DAX clusters, declared once. */
public final class DaxKind {
    public static final StoreKind<DaxCluster> KIND = StoreKind.of(DaxCluster.TYPE, DaxCluster.class)
            .title("DAX clusters")
            .asff("Other")
            .task("dax")
            .call("Dax", "DescribeClusters", "dax:DescribeClusters")
            .call("Dax", "ListTags", "dax:ListTags")
            .listing(Listing.of("dax:DescribeClusters"))
            .collector(new DaxCollector())
            .checks(DaxEncrypted::new)
            .build();

    private DaxKind() {}
}
