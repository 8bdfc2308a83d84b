package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An SQS queue. Encrypted with a KMS key when KmsMasterKeyId is set (aws/sqs is the AWS-managed
 * one), with SQS-owned keys when SqsManagedSseEnabled, else not at all.
 */
public record SqsQueue(
        String accountId,
        String region,
        String name,
        String arn,
        Observed<StoreEncryption> encryption,
        Observed<String> resourcePolicy,
        Observed<Map<String, String>> tags) implements PolicyStore {

    public static final ResourceType TYPE = new ResourceType("AwsSqsQueue");

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String resourceType() {
        return TYPE.name();
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return tags;
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return encryption;
    }
}
