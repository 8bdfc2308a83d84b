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

    private static final List<ReadOperation> OPERATIONS = withDeclaredKinds(List.of(
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
            new ReadOperation("S3", "GetBucketAcl", "s3:GetBucketAcl"),
            new ReadOperation("S3Control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            // KMS
            new ReadOperation("Kms", "ListKeys", "kms:ListKeys"),
            new ReadOperation("Kms", "ListAliases", "kms:ListAliases"),
            new ReadOperation("Kms", "DescribeKey", "kms:DescribeKey"),
            new ReadOperation("Kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus"),
            new ReadOperation("Kms", "GetKeyPolicy", "kms:GetKeyPolicy"),
            new ReadOperation("Kms", "ListResourceTags", "kms:ListResourceTags"),
            new ReadOperation("Kms", "ListGrants", "kms:ListGrants"),
            // IAM: who may use the keys (identity policies, boundaries, long-term credentials)
            new ReadOperation("Iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails"),
            new ReadOperation("Iam", "ListAccessKeys", "iam:ListAccessKeys"),
            // EC2: EBS and the network perimeter
            new ReadOperation("Ec2", "DescribeVolumes", "ec2:DescribeVolumes"),
            new ReadOperation("Ec2", "DescribeSnapshots", "ec2:DescribeSnapshots"),
            new ReadOperation("Ec2", "GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault"),
            new ReadOperation("Ec2", "GetEbsDefaultKmsKeyId", "ec2:GetEbsDefaultKmsKeyId"),
            new ReadOperation("Ec2", "DescribeVpcs", "ec2:DescribeVpcs"),
            new ReadOperation("Ec2", "DescribeVpcEndpoints", "ec2:DescribeVpcEndpoints"),
            // RDS
            new ReadOperation("Rds", "DescribeDBInstances", "rds:DescribeDBInstances"),
            new ReadOperation("Rds", "DescribeDBClusters", "rds:DescribeDBClusters"),
            new ReadOperation("Rds", "DescribeDBSnapshots", "rds:DescribeDBSnapshots"),
            new ReadOperation("Rds", "DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshots"),
            new ReadOperation("Rds", "DescribeDBSnapshotAttributes", "rds:DescribeDBSnapshotAttributes"),
            new ReadOperation("Rds", "DescribeDBClusterSnapshotAttributes", "rds:DescribeDBClusterSnapshotAttributes"),
            // DynamoDB
            new ReadOperation("DynamoDb", "ListTables", "dynamodb:ListTables"),
            new ReadOperation("DynamoDb", "DescribeTable", "dynamodb:DescribeTable"),
            new ReadOperation("DynamoDb", "DescribeContinuousBackups", "dynamodb:DescribeContinuousBackups"),
            new ReadOperation("DynamoDb", "ListTagsOfResource", "dynamodb:ListTagsOfResource"),
            // EFS
            new ReadOperation("Efs", "DescribeFileSystems", "elasticfilesystem:DescribeFileSystems"),
            new ReadOperation("Efs", "DescribeBackupPolicy", "elasticfilesystem:DescribeBackupPolicy"),
            // Monitoring
            new ReadOperation("CloudTrail", "DescribeTrails", "cloudtrail:DescribeTrails"),
            new ReadOperation("CloudTrail", "GetTrailStatus", "cloudtrail:GetTrailStatus"),
            new ReadOperation("CloudTrail", "GetEventSelectors", "cloudtrail:GetEventSelectors"),
            new ReadOperation("CloudWatchLogs", "DescribeMetricFilters", "logs:DescribeMetricFilters"),
            new ReadOperation("CloudWatch", "DescribeAlarms", "cloudwatch:DescribeAlarms"),
            new ReadOperation("EventBridge", "ListRules", "events:ListRules"),
            new ReadOperation("EventBridge", "ListTargetsByRule", "events:ListTargetsByRule"),
            new ReadOperation("Config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"),
            new ReadOperation("Config", "DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorderStatus"),
            new ReadOperation("Config", "DescribeConfigRules", "config:DescribeConfigRules"),
            // Organizations: service control policies
            new ReadOperation("Organizations", "ListPolicies", "organizations:ListPolicies"),
            new ReadOperation("Organizations", "DescribePolicy", "organizations:DescribePolicy"),
            new ReadOperation("Organizations", "ListTargetsForPolicy", "organizations:ListTargetsForPolicy")));

    private static final Map<String, ReadOperation> BY_KEY = OPERATIONS.stream()
            .collect(Collectors.toMap(op -> key(op.sdkService(), op.operation()), Function.identity()));

    private ReadOnlyAllowlist() {}

    /** The original operations, then every declared kind of store's ({@code StoreKind.calls}). */
    private static List<ReadOperation> withDeclaredKinds(List<ReadOperation> original) {
        List<ReadOperation> all = new java.util.ArrayList<>(original);
        io.atrest.scanner.stores.StoreKinds.calls().stream().filter(op -> !all.contains(op)).forEach(all::add);
        return List.copyOf(all);
    }

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
