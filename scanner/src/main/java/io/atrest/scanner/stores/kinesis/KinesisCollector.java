package io.atrest.scanner.stores.kinesis;

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
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** ListStreams per region and page, then each stream's encryption (DescribeStreamSummary) and tags, paged. */
final class KinesisCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        KinesisClient kinesis = clients.client(KinesisClient.class, KinesisClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<String>> names = calls.observe("kinesis", "ListStreams", null, () -> streamNames(kinesis));
        if (!names.isKnown()) {
            return;
        }
        for (String name : names.value()) {
            String arn = "arn:" + Partition.ofRegion(region) + ":kinesis:" + region + ":" + accountId + ":stream/" + name;
            Observed<StreamDescriptionSummary> summary = calls.observe("kinesis", "DescribeStreamSummary", arn,
                    () -> kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary());
            Observed<Map<String, String>> tags = calls.observe("kinesis", "ListTagsForStream", arn, () -> tags(kinesis, name));
            Observed<StoreEncryption> encryption = !summary.isKnown() ? Observed.failed(summary.error())
                    : Observed.of("KMS".equals(summary.value().encryptionTypeAsString())
                            ? StoreEncryption.kms(summary.value().keyId(), "alias/aws/kinesis") : StoreEncryption.NONE);
            sink.store(new KinesisStream(accountId, region, name, summary.isKnown() && summary.value().streamARN() != null
                    ? summary.value().streamARN() : arn, encryption, tags));
        }
    }

    /** Every stream name: ListStreams pages by NextToken (and, on older endpoints, by the last name seen). */
    private static List<String> streamNames(KinesisClient kinesis) {
        List<String> names = new ArrayList<>();
        ListStreamsResponse page = kinesis.listStreams(r -> { });
        names.addAll(page.streamNames());
        while (Boolean.TRUE.equals(page.hasMoreStreams()) && !page.streamNames().isEmpty()) {
            ListStreamsResponse previous = page;
            page = kinesis.listStreams(r -> {
                if (previous.nextToken() != null) {
                    r.nextToken(previous.nextToken());
                } else {
                    r.exclusiveStartStreamName(previous.streamNames().get(previous.streamNames().size() - 1));
                }
            });
            names.addAll(page.streamNames());
        }
        return names;
    }

    private static Map<String, String> tags(KinesisClient kinesis, String name) {
        List<Tag> all = new ArrayList<>();
        ListTagsForStreamResponse page = kinesis.listTagsForStream(r -> r.streamName(name));
        all.addAll(page.tags());
        while (Boolean.TRUE.equals(page.hasMoreTags()) && !page.tags().isEmpty()) {
            String last = page.tags().get(page.tags().size() - 1).key();
            page = kinesis.listTagsForStream(r -> r.streamName(name).exclusiveStartTagKey(last));
            all.addAll(page.tags());
        }
        return Tags.of(all, Tag::key, Tag::value);
    }
}
