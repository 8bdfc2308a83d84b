package io.atrest.scanner.stores.dax;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.DescribeClustersRequest;
import software.amazon.awssdk.services.dax.model.DescribeClustersResponse;
import software.amazon.awssdk.services.dax.model.ListTagsRequest;
import software.amazon.awssdk.services.dax.model.ListTagsResponse;
import software.amazon.awssdk.services.dax.model.Tag;

/** A fake DAX: the region's clusters, paged by NextToken, and their tags by ARN, one tag a page. */
public final class FakeDax {
    private FakeDax() {}

    public static DaxClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(DaxClient.class, account.id, "Dax", log, Map.of(
                "describeClusters", request -> {
                    Pages<Cluster> page = Pages.of(here.of(Cluster.class), ((DescribeClustersRequest) request).nextToken(), pageSize);
                    return DescribeClustersResponse.builder().clusters(page.items()).nextToken(page.next()).build();
                },
                "listTags", request -> {
                    ListTagsRequest q = (ListTagsRequest) request;
                    Pages<Tag> page = Pages.of(here.tags.getOrDefault(q.resourceName(), Map.of()).entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList(), q.nextToken(), 1);
                    return ListTagsResponse.builder().tags(page.items()).nextToken(page.next()).build();
                }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Cluster.class).add(Cluster.builder().clusterName(name).clusterArn("arn:aws:dax:" + region + ":" + account.id + ":cache/" + name)
                .sseDescription(software.amazon.awssdk.services.dax.model.SSEDescription.builder().status("ENABLED").build()).build());
    }
}
