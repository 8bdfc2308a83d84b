package io.atrest.scanner.stores.elasticache;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An ElastiCache (Redis OSS or Valkey) replication group. At-rest encryption with no key named
 * uses the key ElastiCache owns.
 */
public record ElastiCacheReplicationGroup(
        String accountId,
        String region,
        String groupId,
        String arn,
        boolean atRestEncryption,
        String kmsKeyId,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsElastiCacheReplicationGroup");

    @Override
    public String displayName() {
        return groupId;
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
        if (!atRestEncryption) {
            return Observed.of(StoreEncryption.NONE);
        }
        return Observed.of(kmsKeyId == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKeyId, null));
    }
}
