package io.atrest.scanner.stores.ecr;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An ECR repository: images are encrypted with AES-256 keys ECR owns, or with a KMS key (aws/ecr
 * unless another is named).
 */
public record EcrRepository(
        String accountId,
        String region,
        String name,
        String arn,
        String encryptionType,
        String kmsKey,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsEcrRepository");

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
        return Observed.of("AES256".equals(encryptionType) || encryptionType == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKey, "alias/aws/ecr"));
    }
}
