package io.atrest.scanner.stores.msk;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.Cluster;
import software.amazon.awssdk.services.kafka.model.ListClustersV2Request;
import software.amazon.awssdk.services.kafka.model.ListClustersV2Response;

/** A fake MSK: the region's clusters, paged by NextToken. */
public final class FakeMsk {
    private FakeMsk() {}

    public static KafkaClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(KafkaClient.class, account.id, "Kafka", log, Map.of(
                "listClustersV2", request -> {
                    Pages<Cluster> page = Pages.of(here.of(Cluster.class), ((ListClustersV2Request) request).nextToken(), pageSize);
                    return ListClustersV2Response.builder().clusterInfoList(page.items()).nextToken(page.next()).build();
                }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Cluster.class).add(Cluster.builder().clusterName(name).clusterArn("arn:aws:kafka:" + region + ":" + account.id + ":cluster/" + name + "/1")
                .clusterType("SERVERLESS").build());
    }
}
