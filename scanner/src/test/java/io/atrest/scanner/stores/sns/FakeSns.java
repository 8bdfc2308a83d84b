package io.atrest.scanner.stores.sns;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** A fake SNS: a topic is its {@link TopicState} (ARN and attributes); tags by ARN. */
public final class FakeSns {
    /** One topic of the region, with its attributes as GetTopicAttributes names them. */
    public record TopicState(String arn, Map<String, String> attributes) {}

    private FakeSns() {}

    public static SnsClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(SnsClient.class, account.id, "Sns", log, Map.of(
                "listTopics", request -> {
                    Pages<TopicState> page = Pages.of(here.of(TopicState.class), ((ListTopicsRequest) request).nextToken(), pageSize);
                    return ListTopicsResponse.builder().topics(page.items().stream().map(t -> Topic.builder().topicArn(t.arn()).build()).toList())
                            .nextToken(page.next()).build();
                },
                "getTopicAttributes", request -> {
                    String arn = ((GetTopicAttributesRequest) request).topicArn();
                    TopicState topic = here.of(TopicState.class).stream().filter(t -> t.arn().equals(arn)).findFirst()
                            .orElseThrow(() -> CallLog.error("NotFound", 404));
                    return GetTopicAttributesResponse.builder().attributes(topic.attributes()).build();
                },
                "listTagsForResource", request -> ListTagsForResourceResponse.builder().tags(
                        here.tags.getOrDefault(((ListTagsForResourceRequest) request).resourceArn(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(TopicState.class).add(new TopicState("arn:aws:sns:" + region + ":" + account.id + ":" + name, java.util.Map.of("KmsMasterKeyId", "alias/aws/sns")));
    }
}
