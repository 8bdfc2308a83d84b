package io.atrest.scanner.stores.neptune;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A Neptune graph database cluster (RDS engine neptune). Storage encryption with no key named uses
 * the AWS-managed aws/rds key.
 */
public record NeptuneCluster(
        String accountId,
        String region,
        String clusterId,
        String arn,
        boolean storageEncrypted,
        String kmsKeyId,
        Map<String, String> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsNeptuneCluster");

    public NeptuneCluster {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return clusterId;
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
        return Observed.of(storageEncrypted ? StoreEncryption.kms(kmsKeyId, "alias/aws/rds") : StoreEncryption.NONE);
    }
}
