package io.atrest.scanner.stores.sns;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/** ListTopics per region and page, then each topic's key and policy (one GetTopicAttributes) and tags. */
final class SnsCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        SnsClient sns = clients.client(SnsClient.class, SnsClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<Topic>> topics = calls.observe("sns", "ListTopics", null, () -> sns.listTopicsPaginator(r -> { }).topics().stream().toList());
        if (!topics.isKnown()) {
            return;
        }
        for (Topic topic : topics.value()) {
            String arn = topic.topicArn();
            Observed<Map<String, String>> attributes = calls.observe("sns", "GetTopicAttributes", arn,
                    () -> sns.getTopicAttributes(r -> r.topicArn(arn)).attributes());
            Observed<Map<String, String>> tags = calls.observe("sns", "ListTagsForResource", arn,
                    () -> Tags.of(sns.listTagsForResource(r -> r.resourceArn(arn)).tags(), t -> t.key(), t -> t.value()));
            sink.store(new SnsTopic(accountId, region, arn.substring(arn.lastIndexOf(':') + 1), arn, attribute(attributes, "KmsMasterKeyId"),
                    attribute(attributes, "Policy"), tags));
        }
    }

    /** One attribute, null when the topic has none (an empty string is none too). */
    private static Observed<String> attribute(Observed<Map<String, String>> attributes, String name) {
        if (!attributes.isKnown()) {
            return Observed.failed(attributes.error());
        }
        String value = attributes.value().get(name);
        return Observed.of(value == null || value.isEmpty() ? null : value);
    }
}
