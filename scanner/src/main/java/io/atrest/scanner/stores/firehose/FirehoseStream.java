package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A Data Firehose delivery stream: its buffered records are encrypted with a key Firehose owns, or
 * a customer-managed KMS key, when server-side encryption is on.
 */
public record FirehoseStream(
        String accountId,
        String region,
        String name,
        String arn,
        Observed<StoreEncryption> encryption,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsKinesisFirehoseDeliveryStream");

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
