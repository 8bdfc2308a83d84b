package io.atrest.scanner.stores.dax;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A DynamoDB Accelerator (DAX) cluster. Its server-side encryption uses a key DAX owns; no KMS key
 * can be chosen.
 */
public record DaxCluster(
        String accountId,
        String region,
        String clusterName,
        String arn,
        boolean sseEnabled,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsDaxCluster");

    @Override
    public String displayName() {
        return clusterName;
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
        return Observed.of(sseEnabled ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.NONE);
    }
}
