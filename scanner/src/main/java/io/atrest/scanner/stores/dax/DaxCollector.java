package io.atrest.scanner.stores.dax;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.collect.TokenPages;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.DescribeClustersResponse;
import software.amazon.awssdk.services.dax.model.ListTagsResponse;
import software.amazon.awssdk.services.dax.model.Tag;

/** DescribeClusters per region, page by page (NextToken), then each cluster's tags, also paged. */
final class DaxCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        DaxClient dax = clients.client(DaxClient.class, DaxClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<Cluster>> clusters = calls.observe("dax", "DescribeClusters", null, () -> TokenPages.all(
                token -> dax.describeClusters(r -> r.nextToken(token)), DescribeClustersResponse::clusters,
                DescribeClustersResponse::nextToken));
        if (!clusters.isKnown()) {
            return;
        }
        for (Cluster c : clusters.value()) {
            Observed<Map<String, String>> tags = calls.observe("dax", "ListTags", c.clusterArn(), () -> Tags.of(TokenPages.all(
                    token -> dax.listTags(r -> r.resourceName(c.clusterArn()).nextToken(token)), ListTagsResponse::tags,
                    ListTagsResponse::nextToken), Tag::key, Tag::value));
            String sse = c.sseDescription() == null ? null : c.sseDescription().statusAsString();
            sink.store(new DaxCluster(accountId, region, c.clusterName(), c.clusterArn(), "ENABLED".equals(sse) || "ENABLING".equals(sse), tags));
        }
    }
}
