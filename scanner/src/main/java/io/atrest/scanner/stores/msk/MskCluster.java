package io.atrest.scanner.stores.msk;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An Amazon MSK cluster: provisioned clusters encrypt their data volumes with a KMS key (aws/kafka
 * unless another is named); serverless clusters with keys MSK owns.
 */
public record MskCluster(
        String accountId,
        String region,
        String name,
        String arn,
        String clusterType,
        String dataVolumeKmsKeyId,
        Map<String, String> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsMskCluster");

    public MskCluster {
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
        return Observed.of("SERVERLESS".equals(clusterType) ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(dataVolumeKmsKeyId, "alias/aws/kafka"));
    }
}
