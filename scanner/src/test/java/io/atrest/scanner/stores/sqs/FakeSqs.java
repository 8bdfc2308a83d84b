package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * A fake SQS. A queue is its {@link Queue}: name, attributes as GetQueueAttributes names them;
 * tags by queue URL. Only the attributes asked for are answered, as SQS does.
 */
public final class FakeSqs {
    /** One queue of the region. */
    public record Queue(String name, Map<String, String> attributes) {}

    private FakeSqs() {}

    public static String url(FakeAccount account, String region, String name) {
        return "https://sqs." + region + ".amazonaws.com/" + account.id + "/" + name;
    }

    public static SqsClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(SqsClient.class, account.id, "Sqs", log, Map.of(
                "listQueues", request -> {
                    List<String> urls = here.of(Queue.class).stream().map(q -> url(account, region, q.name())).toList();
                    Pages<String> page = Pages.of(urls, ((ListQueuesRequest) request).nextToken(), pageSize);
                    return ListQueuesResponse.builder().queueUrls(page.items()).nextToken(page.next()).build();
                },
                "getQueueAttributes", request -> {
                    GetQueueAttributesRequest q = (GetQueueAttributesRequest) request;
                    Queue queue = here.of(Queue.class).stream().filter(x -> url(account, region, x.name()).equals(q.queueUrl())).findFirst()
                            .orElseThrow(() -> CallLog.error("AWS.SimpleQueueService.NonExistentQueue", 400));
                    Map<String, String> asked = new HashMap<>();
                    queue.attributes().forEach((k, v) -> {
                        if (q.attributeNamesAsStrings().contains(k) || q.attributeNamesAsStrings().contains("All")) {
                            asked.put(k, v);
                        }
                    });
                    return GetQueueAttributesResponse.builder().attributesWithStrings(asked).build();
                },
                "listQueueTags", request -> ListQueueTagsResponse.builder()
                        .tags(here.tags.getOrDefault(((ListQueueTagsRequest) request).queueUrl(), Map.of())).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Queue.class).add(new Queue(name, java.util.Map.of("SqsManagedSseEnabled", "true")));
    }
}
