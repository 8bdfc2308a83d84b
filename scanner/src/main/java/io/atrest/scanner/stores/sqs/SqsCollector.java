package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Partition;
import io.atrest.scanner.inventory.StoreEncryption;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ListQueues per region and page, then each queue's encryption and policy (one GetQueueAttributes) and tags. */
final class SqsCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        SqsClient sqs = clients.client(SqsClient.class, SqsClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<String>> urls = calls.observe("sqs", "ListQueues", null,
                () -> sqs.listQueuesPaginator(r -> { }).queueUrls().stream().toList());
        if (!urls.isKnown()) {
            return;
        }
        for (String url : urls.value()) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            // The queue's ARN follows from its URL; GetQueueAttributes may not answer.
            String arn = "arn:" + Partition.ofRegion(region) + ":sqs:" + region + ":" + accountId + ":" + name;
            Observed<Map<String, String>> attributes = calls.observe("sqs", "GetQueueAttributes", arn,
                    () -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.KMS_MASTER_KEY_ID,
                            QueueAttributeName.SQS_MANAGED_SSE_ENABLED, QueueAttributeName.POLICY)).attributesAsStrings());
            Observed<Map<String, String>> tags = calls.observe("sqs", "ListQueueTags", arn, () -> sqs.listQueueTags(r -> r.queueUrl(url)).tags());
            sink.store(new SqsQueue(accountId, region, name, arn, encryption(attributes),
                    attributes.isKnown() ? Observed.of(attributes.value().get("Policy")) : Observed.failed(attributes.error()), tags));
        }
    }

    /** A KMS key named, else SQS's own keys when SSE-SQS is on, else none. */
    static Observed<StoreEncryption> encryption(Observed<Map<String, String>> attributes) {
        if (!attributes.isKnown()) {
            return Observed.failed(attributes.error());
        }
        String key = attributes.value().get("KmsMasterKeyId");
        if (key != null && !key.isEmpty()) {
            return Observed.of(StoreEncryption.kms(key, null));
        }
        return Observed.of("true".equalsIgnoreCase(attributes.value().get("SqsManagedSseEnabled"))
                ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.NONE);
    }
}
