package io.atrest.scanner.stores.kinesis;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** A fake Kinesis: the region's streams (their summaries), paged by NextToken; tags by stream name, one a page. */
public final class FakeKinesis {
    private FakeKinesis() {}

    public static KinesisClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(KinesisClient.class, account.id, "Kinesis", log, Map.of(
                "listStreams", request -> {
                    List<String> names = here.of(StreamDescriptionSummary.class).stream().map(StreamDescriptionSummary::streamName).toList();
                    Pages<String> page = Pages.of(names, ((ListStreamsRequest) request).nextToken(), pageSize);
                    return ListStreamsResponse.builder().streamNames(page.items()).hasMoreStreams(page.next() != null).nextToken(page.next()).build();
                },
                "describeStreamSummary", request -> {
                    String name = ((DescribeStreamSummaryRequest) request).streamName();
                    return DescribeStreamSummaryResponse.builder().streamDescriptionSummary(here.of(StreamDescriptionSummary.class).stream()
                            .filter(s -> s.streamName().equals(name)).findFirst().orElseThrow(() -> CallLog.error("ResourceNotFoundException", 400)))
                            .build();
                },
                "listTagsForStream", request -> {
                    ListTagsForStreamRequest q = (ListTagsForStreamRequest) request;
                    List<Tag> all = here.tags.getOrDefault(q.streamName(), Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
                    List<Tag> after = q.exclusiveStartTagKey() == null ? all
                            : all.stream().filter(t -> t.key().compareTo(q.exclusiveStartTagKey()) > 0).toList();
                    return ListTagsForStreamResponse.builder().tags(after.subList(0, Math.min(1, after.size()))).hasMoreTags(after.size() > 1).build();
                }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(StreamDescriptionSummary.class).add(StreamDescriptionSummary.builder().streamName(name).streamARN("arn:aws:kinesis:" + region + ":" + account.id + ":stream/" + name)
                .encryptionType("KMS").keyId("alias/aws/kinesis").build());
    }
}
