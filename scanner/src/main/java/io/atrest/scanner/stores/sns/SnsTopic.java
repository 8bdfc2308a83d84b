package io.atrest.scanner.stores.sns;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An SNS topic: encrypted with a KMS key when KmsMasterKeyId is set (aws/sns is the AWS-managed
 * one), else not at all.
 */
public record SnsTopic(
        String accountId,
        String region,
        String name,
        String arn,
        Observed<String> kmsKeyId,
        Observed<String> resourcePolicy,
        Observed<Map<String, String>> tags) implements PolicyStore {

    public static final ResourceType TYPE = new ResourceType("AwsSnsTopic");

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
        if (!kmsKeyId.isKnown()) {
            return Observed.failed(kmsKeyId.error());
        }
        return Observed.of(kmsKeyId.value() == null ? StoreEncryption.NONE : StoreEncryption.kms(kmsKeyId.value(), null));
    }
}
