package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Partition;
import io.atrest.scanner.inventory.StoreEncryption;
import io.atrest.scanner.stores.StoreCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamEncryptionConfiguration;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.Tag;

/** ListDeliveryStreams per region and page, then each stream's encryption (DescribeDeliveryStream) and tags, paged. */
final class FirehoseCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        FirehoseClient firehose = clients.client(FirehoseClient.class, FirehoseClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<String>> names = calls.observe("firehose", "ListDeliveryStreams", null, () -> names(firehose));
        if (!names.isKnown()) {
            return;
        }
        for (String name : names.value()) {
            String arn = "arn:" + Partition.ofRegion(region) + ":firehose:" + region + ":" + accountId + ":deliverystream/" + name;
            Observed<DeliveryStreamDescription> description = calls.observe("firehose", "DescribeDeliveryStream", arn,
                    () -> firehose.describeDeliveryStream(r -> r.deliveryStreamName(name)).deliveryStreamDescription());
            Observed<Map<String, String>> tags = calls.observe("firehose", "ListTagsForDeliveryStream", arn, () -> tags(firehose, name));
            sink.store(new FirehoseStream(accountId, region, name, arn,
                    description.isKnown() ? Observed.of(encryption(description.value())) : Observed.failed(description.error()), tags));
        }
    }

    /** Server-side encryption on (or turning on): with Firehose's own key, or a customer-managed one; off otherwise. */
    static StoreEncryption encryption(DeliveryStreamDescription description) {
        DeliveryStreamEncryptionConfiguration sse = description.deliveryStreamEncryptionConfiguration();
        String status = sse == null ? null : sse.statusAsString();
        if (!"ENABLED".equals(status) && !"ENABLING".equals(status)) {
            return StoreEncryption.NONE;
        }
        return "CUSTOMER_MANAGED_CMK".equals(sse.keyTypeAsString()) ? StoreEncryption.kms(sse.keyARN(), null) : StoreEncryption.PROVIDER_OWNED;
    }

    private static List<String> names(FirehoseClient firehose) {
        List<String> names = new ArrayList<>();
        ListDeliveryStreamsResponse page = firehose.listDeliveryStreams(r -> { });
        names.addAll(page.deliveryStreamNames());
        while (Boolean.TRUE.equals(page.hasMoreDeliveryStreams()) && !page.deliveryStreamNames().isEmpty()) {
            String last = page.deliveryStreamNames().get(page.deliveryStreamNames().size() - 1);
            page = firehose.listDeliveryStreams(r -> r.exclusiveStartDeliveryStreamName(last));
            names.addAll(page.deliveryStreamNames());
        }
        return names;
    }

    private static Map<String, String> tags(FirehoseClient firehose, String name) {
        List<Tag> all = new ArrayList<>();
        ListTagsForDeliveryStreamResponse page = firehose.listTagsForDeliveryStream(r -> r.deliveryStreamName(name));
        all.addAll(page.tags());
        while (Boolean.TRUE.equals(page.hasMoreTags()) && !page.tags().isEmpty()) {
            String last = page.tags().get(page.tags().size() - 1).key();
            page = firehose.listTagsForDeliveryStream(r -> r.deliveryStreamName(name).exclusiveStartTagKey(last));
            all.addAll(page.tags());
        }
        return Tags.of(all, Tag::key, Tag::value);
    }
}
