package io.atrest.scanner.stores;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Filter;

/**
 * The clusters of one engine RDS also serves (DocumentDB, Neptune): DescribeDBClusters filtered
 * to the engine, paged; its failure is recorded against that engine ("engine=docdb"), so it hides
 * that kind's clusters only.
 */
public final class EngineClusters {
    private EngineClusters() {}

    /** The engine's clusters in one account and region; unknown when the listing failed. */
    public static Observed<List<DBCluster>> of(String engine, String accountId, String region, AccountClients clients,
                                               InventoryBuilder sink) {
        Observed<List<DBCluster>> clusters = new Calls(accountId, region, sink).observe("rds", "DescribeDBClusters", "engine=" + engine,
                () -> clients.rds(region).describeDBClustersPaginator(r -> r.filters(Filter.builder().name("engine").values(engine).build()))
                        .dbClusters().stream().toList());
        // An emulator that ignores the filter: other engines' clusters are other kinds' stores.
        return clusters.isKnown() ? Observed.of(clusters.value().stream().filter(c -> engine.equals(c.engine())).toList()) : clusters;
    }
}
