package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsRequest;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.elasticache.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.Tag;

/** A fake ElastiCache: the region's replication groups, paged by Marker, and their tags by ARN. */
public final class FakeElastiCache {
    private FakeElastiCache() {}

    public static ElastiCacheClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(ElastiCacheClient.class, account.id, "ElastiCache", log, Map.of(
                "describeReplicationGroups", request -> {
                    Pages<ReplicationGroup> page = Pages.of(here.of(ReplicationGroup.class), ((DescribeReplicationGroupsRequest) request).marker(), pageSize);
                    return DescribeReplicationGroupsResponse.builder().replicationGroups(page.items()).marker(page.next()).build();
                },
                "listTagsForResource", request -> ListTagsForResourceResponse.builder().tagList(
                        here.tags.getOrDefault(((ListTagsForResourceRequest) request).resourceName(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(ReplicationGroup.class).add(ReplicationGroup.builder().replicationGroupId(name).arn("arn:aws:elasticache:" + region + ":" + account.id + ":replicationgroup:" + name)
                .atRestEncryptionEnabled(true).build());
    }
}
