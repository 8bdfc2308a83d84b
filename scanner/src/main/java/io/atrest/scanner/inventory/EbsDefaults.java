package io.atrest.scanner.inventory;

/**
 * A region's EBS defaults for new volumes.
 *
 * @param defaultKmsKeyId the key new encrypted volumes get unless told otherwise (an ARN or
 *     {@code alias/aws/ebs})
 */
public record EbsDefaults(String accountId, String region, Observed<Boolean> encryptionByDefault, Observed<String> defaultKmsKeyId) {}
