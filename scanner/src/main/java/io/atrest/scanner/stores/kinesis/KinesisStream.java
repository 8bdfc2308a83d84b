package io.atrest.scanner.stores.kinesis;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A Kinesis data stream: encrypted with a KMS key (aws/kinesis is the AWS-managed one) when its
 * EncryptionType is KMS.
 */
public record KinesisStream(
        String accountId,
        String region,
        String name,
        String arn,
        Observed<StoreEncryption> encryption,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsKinesisStream");

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
