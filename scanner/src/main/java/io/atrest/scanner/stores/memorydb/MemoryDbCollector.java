package io.atrest.scanner.stores.memorydb;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.collect.TokenPages;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.Cluster;
import software.amazon.awssdk.services.memorydb.model.DescribeClustersResponse;

/** DescribeClusters per region, page by page (NextToken), then each cluster's tags. */
final class MemoryDbCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        MemoryDbClient memorydb = clients.client(MemoryDbClient.class, MemoryDbClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<Cluster>> clusters = calls.observe("memorydb", "DescribeClusters", null, () -> TokenPages.all(
                token -> memorydb.describeClusters(r -> r.nextToken(token)), DescribeClustersResponse::clusters,
                DescribeClustersResponse::nextToken));
        if (!clusters.isKnown()) {
            return;
        }
        for (Cluster c : clusters.value()) {
            Observed<Map<String, String>> tags = calls.observe("memorydb", "ListTags", c.arn(),
                    () -> Tags.of(memorydb.listTags(r -> r.resourceArn(c.arn())).tagList(), t -> t.key(), t -> t.value()));
            sink.store(new MemoryDbCluster(accountId, region, c.name(), c.arn(), c.kmsKeyId(), tags));
        }
    }
}
