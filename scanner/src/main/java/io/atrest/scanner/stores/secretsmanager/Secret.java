package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A Secrets Manager secret: always encrypted, with the AWS-managed aws/secretsmanager key unless
 * another KMS key is named.
 */
public record Secret(
        String accountId,
        String region,
        String name,
        String arn,
        String kmsKeyId,
        Observed<String> resourcePolicy,
        Map<String, String> tags) implements PolicyStore {

    public static final ResourceType TYPE = new ResourceType("AwsSecretsManagerSecret");

    public Secret {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

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
        return Observed.of(tags);
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(StoreEncryption.kms(kmsKeyId, "alias/aws/secretsmanager"));
    }
}
