package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A provisioned Redshift cluster. Encrypted with no key named means the AWS-owned key Redshift
 * uses by default; a named key is a KMS key (AWS-managed aws/redshift or a customer's).
 */
public record RedshiftCluster(
        String accountId,
        String region,
        String clusterId,
        String arn,
        boolean encrypted,
        String kmsKeyId,
        boolean publiclyAccessible,
        Map<String, String> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsRedshiftCluster");

    public RedshiftCluster {
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
        if (!encrypted) {
            return Observed.of(StoreEncryption.NONE);
        }
        return Observed.of(kmsKeyId == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKeyId, "alias/aws/redshift"));
    }
}
