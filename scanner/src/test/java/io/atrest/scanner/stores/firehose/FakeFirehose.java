package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.ProxyFake;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsRequest;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.Tag;

/** A fake Data Firehose: the region's streams, paged by the last name seen; tags by stream name. */
public final class FakeFirehose {
    private FakeFirehose() {}

    public static FirehoseClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(FirehoseClient.class, account.id, "Firehose", log, Map.of(
                "listDeliveryStreams", request -> {
                    String after = ((ListDeliveryStreamsRequest) request).exclusiveStartDeliveryStreamName();
                    List<String> names = here.of(DeliveryStreamDescription.class).stream().map(DeliveryStreamDescription::deliveryStreamName)
                            .sorted().filter(n -> after == null || n.compareTo(after) > 0).toList();
                    return ListDeliveryStreamsResponse.builder().deliveryStreamNames(names.subList(0, Math.min(pageSize, names.size())))
                            .hasMoreDeliveryStreams(names.size() > pageSize).build();
                },
                "describeDeliveryStream", request -> {
                    String name = ((DescribeDeliveryStreamRequest) request).deliveryStreamName();
                    return DescribeDeliveryStreamResponse.builder().deliveryStreamDescription(here.of(DeliveryStreamDescription.class).stream()
                            .filter(d -> d.deliveryStreamName().equals(name)).findFirst()
                            .orElseThrow(() -> CallLog.error("ResourceNotFoundException", 400))).build();
                },
                "listTagsForDeliveryStream", request -> ListTagsForDeliveryStreamResponse.builder().tags(
                        here.tags.getOrDefault(((ListTagsForDeliveryStreamRequest) request).deliveryStreamName(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).hasMoreTags(false).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(DeliveryStreamDescription.class).add(DeliveryStreamDescription.builder().deliveryStreamName(name)
                .deliveryStreamARN("arn:aws:firehose:" + region + ":" + account.id + ":deliverystream/" + name).build());
    }
}
