package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Partition;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;

/** One call per region and page: DescribeClusters carries encryption, key, exposure and tags. */
final class RedshiftCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        RedshiftClient redshift = clients.client(RedshiftClient.class, RedshiftClient::builder, region);
        Observed<List<Cluster>> clusters = new Calls(accountId, region, sink).observe("redshift", "DescribeClusters", null,
                () -> redshift.describeClustersPaginator(r -> { }).clusters().stream().toList());
        if (!clusters.isKnown()) {
            return;
        }
        for (Cluster c : clusters.value()) {
            // DescribeClusters names no ARN; Redshift's cluster ARNs are built so.
            String arn = "arn:" + Partition.ofRegion(region) + ":redshift:" + region + ":" + accountId + ":cluster:" + c.clusterIdentifier();
            sink.store(new RedshiftCluster(accountId, region, c.clusterIdentifier(), arn, Boolean.TRUE.equals(c.encrypted()),
                    c.kmsKeyId(), Boolean.TRUE.equals(c.publiclyAccessible()), Tags.of(c.tags(), t -> t.key(), t -> t.value())));
        }
    }
}
