package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;
import java.util.Map;

/** Redshift provisioned clusters, declared once. */
public final class RedshiftKind {
    public static final StoreKind<RedshiftCluster> KIND = StoreKind.of(RedshiftCluster.TYPE, RedshiftCluster.class)
            .title("Redshift clusters")
            .cliName("cluster", CliName.Form.NAME)
            .task("redshift")
            .call("Redshift", "DescribeClusters", "redshift:DescribeClusters")
            .listing(Listing.of("redshift:DescribeClusters"))
            .collector(new RedshiftCollector())
            .attributes(c -> Map.of("publiclyAccessible", String.valueOf(c.publiclyAccessible())))
            .checks(RedshiftEncrypted::new, RedshiftKeyTier::new, RedshiftNotPubliclyAccessible::new)
            .build();

    private RedshiftKind() {}
}
