package io.atrest.scanner.inventory;

import java.util.Map;

/**
 * An RDS DB instance. An instance in an Aurora cluster stores its data in the cluster's
 * volume: {@code clusterIdentifier} names it.
 */
public record RdsInstance(
        String accountId,
        String region,
        String identifier,
        String arn,
        String engine,
        boolean storageEncrypted,
        String kmsKeyId,
        boolean publiclyAccessible,
        boolean deletionProtection,
        int backupRetentionDays,
        String clusterIdentifier,
        Map<String, String> tags) implements DataStore {

    public RdsInstance {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return identifier;
    }

    @Override
    public String resourceType() {
        return "AwsRdsDbInstance";
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
