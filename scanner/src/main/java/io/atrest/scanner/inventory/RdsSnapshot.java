package io.atrest.scanner.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * A manual DB snapshot or DB cluster snapshot.
 *
 * @param clusterSnapshot true for a cluster snapshot
 * @param publicRestore whether its "restore" attribute holds "all"; unknown when the attribute call failed
 */
public record RdsSnapshot(
        String accountId,
        String region,
        String identifier,
        String arn,
        boolean clusterSnapshot,
        String sourceIdentifier,
        boolean encrypted,
        String kmsKeyId,
        Instant createdAt,
        Observed<Boolean> publicRestore,
        Map<String, String> tags) implements DataStore {

    public RdsSnapshot {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return identifier;
    }

    @Override
    public String resourceType() {
        return clusterSnapshot ? "AwsRdsDbClusterSnapshot" : "AwsRdsDbSnapshot";
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return Observed.of(tags);
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(encrypted ? StoreEncryption.kms(kmsKeyId, "alias/aws/rds") : StoreEncryption.NONE);
    }
}
