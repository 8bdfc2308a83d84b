package io.atrest.scanner.aws;

/**
 * One read-only API operation the scanner may call.
 *
 * @param sdkService the SDK's service name as clients report it ("S3", "Kms", "S3Control")
 * @param operation the API operation ("GetBucketEncryption")
 * @param iamAction the IAM action that authorises it ("s3:GetEncryptionConfiguration")
 */
public record ReadOperation(String sdkService, String operation, String iamAction) {}
