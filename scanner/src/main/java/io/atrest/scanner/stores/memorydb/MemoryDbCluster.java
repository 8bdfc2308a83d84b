package io.atrest.scanner.stores.memorydb;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A MemoryDB cluster: always encrypted at rest, with the key MemoryDB owns unless a KMS key is named.
 */
public record MemoryDbCluster(
        String accountId,
        String region,
        String name,
        String arn,
        String kmsKeyId,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsMemoryDbCluster");

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
        return Observed.of(kmsKeyId == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKeyId, null));
    }
}
