package io.atrest.scanner.inventory;

import java.util.Map;

/**
 * A DynamoDB table. Every table is encrypted: with no SSEDescription, by a key DynamoDB owns;
 * with SSE type KMS, by {@code aws/dynamodb} or a customer key.
 *
 * @param kmsKeyArn the KMS key for SSE type KMS, else null
 */
public record DynamoTable(
        String accountId,
        String region,
        String name,
        String arn,
        String status,
        boolean kmsEncrypted,
        String kmsKeyArn,
        boolean deletionProtection,
        Observed<Boolean> pointInTimeRecovery,
        Observed<Map<String, String>> tags) implements DataStore {

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String resourceType() {
        return "AwsDynamoDbTable";
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return tags;
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(kmsEncrypted ? StoreEncryption.kms(kmsKeyArn, "alias/aws/dynamodb") : StoreEncryption.PROVIDER_OWNED);
    }
}
