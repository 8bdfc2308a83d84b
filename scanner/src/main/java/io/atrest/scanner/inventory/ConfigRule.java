package io.atrest.scanner.inventory;

/**
 * A deployed AWS Config rule.
 *
 * @param sourceIdentifier the managed rule id ("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"), or a Lambda ARN for custom rules
 */
public record ConfigRule(String accountId, String region, String name, String sourceIdentifier, String state) {}
