package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/** DescribeReplicationGroups per region and page, then each group's tags (the listing carries none). */
final class ElastiCacheCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        ElastiCacheClient elasticache = clients.client(ElastiCacheClient.class, ElastiCacheClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<ReplicationGroup>> groups = calls.observe("elasticache", "DescribeReplicationGroups", null,
                () -> elasticache.describeReplicationGroupsPaginator(r -> { }).replicationGroups().stream().toList());
        if (!groups.isKnown()) {
            return;
        }
        for (ReplicationGroup g : groups.value()) {
            Observed<Map<String, String>> tags = calls.observe("elasticache", "ListTagsForResource", g.arn(),
                    () -> Tags.of(elasticache.listTagsForResource(r -> r.resourceName(g.arn())).tagList(), t -> t.key(), t -> t.value()));
            sink.store(new ElastiCacheReplicationGroup(accountId, region, g.replicationGroupId(), g.arn(),
                    Boolean.TRUE.equals(g.atRestEncryptionEnabled()), g.kmsKeyId(), tags));
        }
    }
}
