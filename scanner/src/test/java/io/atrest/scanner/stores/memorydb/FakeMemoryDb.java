package io.atrest.scanner.stores.memorydb;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.memorydb.MemoryDbClient;
import software.amazon.awssdk.services.memorydb.model.Cluster;
import software.amazon.awssdk.services.memorydb.model.DescribeClustersRequest;
import software.amazon.awssdk.services.memorydb.model.DescribeClustersResponse;
import software.amazon.awssdk.services.memorydb.model.ListTagsRequest;
import software.amazon.awssdk.services.memorydb.model.ListTagsResponse;
import software.amazon.awssdk.services.memorydb.model.Tag;

/** A fake MemoryDB: the region's clusters, paged by NextToken, and their tags by ARN. */
public final class FakeMemoryDb {
    private FakeMemoryDb() {}

    public static MemoryDbClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(MemoryDbClient.class, account.id, "MemoryDb", log, Map.of(
                "describeClusters", request -> {
                    Pages<Cluster> page = Pages.of(here.of(Cluster.class), ((DescribeClustersRequest) request).nextToken(), pageSize);
                    return DescribeClustersResponse.builder().clusters(page.items()).nextToken(page.next()).build();
                },
                "listTags", request -> ListTagsResponse.builder().tagList(
                        here.tags.getOrDefault(((ListTagsRequest) request).resourceArn(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Cluster.class).add(Cluster.builder().name(name).arn("arn:aws:memorydb:" + region + ":" + account.id + ":cluster/" + name).build());
    }
}
