package io.atrest.scanner.inventory;

import java.util.Map;

/** An RDS DB cluster (Aurora, Multi-AZ clusters). */
public record RdsCluster(
        String accountId,
        String region,
        String identifier,
        String arn,
        String engine,
        boolean storageEncrypted,
        String kmsKeyId,
        boolean deletionProtection,
        int backupRetentionDays,
        Map<String, String> tags) implements DataStore {

    public RdsCluster {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return identifier;
    }

    @Override
    public String resourceType() {
        return "AwsRdsDbCluster";
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
