package io.atrest.scanner.aws;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only AWS operations atrest ever sends. The read-only guard enforces it on every client,
 * and the IAM policy for the scanning role is generated from it, so the two cannot drift.
 */
public final class ReadOnlyAllowlist {

    private static final List<ReadOperation> OPERATIONS = List.of(
            // Identity and the organization walk
            new ReadOperation("Sts", "GetCallerIdentity", "sts:GetCallerIdentity"),
            new ReadOperation("Sts", "AssumeRole", "sts:AssumeRole"),
            new ReadOperation("Organizations", "DescribeOrganization", "organizations:DescribeOrganization"),
            new ReadOperation("Organizations", "ListAccounts", "organizations:ListAccounts"),
            new ReadOperation("Organizations", "ListParents", "organizations:ListParents"),
            new ReadOperation("Organizations", "DescribeOrganizationalUnit", "organizations:DescribeOrganizationalUnit"),
            new ReadOperation("Organizations", "ListTagsForResource", "organizations:ListTagsForResource"),
            // Regions
            new ReadOperation("Ec2", "DescribeRegions", "ec2:DescribeRegions"),
            // S3
            new ReadOperation("S3", "ListBuckets", "s3:ListAllMyBuckets"),
            new ReadOperation("S3", "GetBucketLocation", "s3:GetBucketLocation"),
            new ReadOperation("S3", "GetBucketEncryption", "s3:GetEncryptionConfiguration"),
            new ReadOperation("S3", "GetBucketVersioning", "s3:GetBucketVersioning"),
            new ReadOperation("S3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
            new ReadOperation("S3", "GetBucketPolicy", "s3:GetBucketPolicy"),
            new ReadOperation("S3", "GetBucketTagging", "s3:GetBucketTagging"),
            new ReadOperation("S3Control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            // KMS
            new ReadOperation("Kms", "ListKeys", "kms:ListKeys"),
            new ReadOperation("Kms", "ListAliases", "kms:ListAliases"),
            new ReadOperation("Kms", "DescribeKey", "kms:DescribeKey"),
            new ReadOperation("Kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus"),
            new ReadOperation("Kms", "GetKeyPolicy", "kms:GetKeyPolicy"),
            new ReadOperation("Kms", "ListResourceTags", "kms:ListResourceTags"));

    private static final Map<String, ReadOperation> BY_KEY = OPERATIONS.stream()
            .collect(Collectors.toMap(op -> key(op.sdkService(), op.operation()), Function.identity()));

    private ReadOnlyAllowlist() {}

    public static List<ReadOperation> operations() {
        return OPERATIONS;
    }

    public static boolean allows(String sdkService, String operation) {
        return BY_KEY.containsKey(key(sdkService, operation));
    }

    private static String key(String sdkService, String operation) {
        return sdkService + ":" + operation;
    }
}
