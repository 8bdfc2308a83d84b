package io.atrest.scanner.inventory;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a scan could not list resources: "AwsEc2Volume@eu-west-1", or "AwsS3Bucket@*" for every
 * region. A resource missing from such a place may still exist, so history must not read its
 * absence as "deleted" or "fixed".
 */
public final class ListingGaps {
    /** The list call that finds each resource type. */
    private static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("s3:ListBuckets", "AwsS3Bucket"),
            Map.entry("kms:ListKeys", "AwsKmsKey"),
            Map.entry("ec2:DescribeVolumes", "AwsEc2Volume"),
            Map.entry("ec2:DescribeSnapshots", "AwsEc2Snapshot"),
            Map.entry("rds:DescribeDBInstances", "AwsRdsDbInstance"),
            Map.entry("rds:DescribeDBClusters", "AwsRdsDbCluster"),
            Map.entry("rds:DescribeDBSnapshots", "AwsRdsDbSnapshot"),
            Map.entry("rds:DescribeDBClusterSnapshots", "AwsRdsDbClusterSnapshot"),
            Map.entry("dynamodb:ListTables", "AwsDynamoDbTable"),
            Map.entry("efs:DescribeFileSystems", "AwsEfsFileSystem"));

    /** Resource types each collector task finds: a task cut at the deadline leaves all of them unseen. */
    private static final Map<String, Set<String>> BY_SERVICE = Map.of(
            "s3", Set.of("AwsS3Bucket"),
            "kms", Set.of("AwsKmsKey"),
            "ec2", Set.of("AwsEc2Volume", "AwsEc2Snapshot"),
            "rds", Set.of("AwsRdsDbInstance", "AwsRdsDbCluster", "AwsRdsDbSnapshot", "AwsRdsDbClusterSnapshot"),
            "dynamodb", Set.of("AwsDynamoDbTable"),
            "efs", Set.of("AwsEfsFileSystem"));

    private ListingGaps() {}

    public static Set<String> of(Inventory inventory, String accountId) {
        Set<String> gaps = new TreeSet<>();
        for (CollectionError error : inventory.errors()) {
            if (!accountId.equals(error.accountId())) {
                continue;
            }
            String type = LISTS.get(error.qualifiedOperation());
            if (type != null && !"RestorableByUserIds=all".equals(error.resource())) {
                gaps.add(type + "@" + ("AwsS3Bucket".equals(type) ? "*" : error.region()));
            }
            if ("(all)".equals(error.operation()) && BY_SERVICE.containsKey(error.service())) {
                for (String t : BY_SERVICE.get(error.service())) {
                    gaps.add(t + "@" + ("AwsS3Bucket".equals(t) ? "*" : error.region()));
                }
            }
            if ("sts:AssumeRole".equals(error.qualifiedOperation())) {
                gaps.add("*@*");
            }
        }
        return gaps;
    }

    /** Whether a resource of {@code type} in {@code region} falls in one of {@code gaps}. */
    public static boolean covers(Set<String> gaps, String type, String region) {
        return gaps.contains("*@*") || gaps.contains(type + "@*") || gaps.contains(type + "@" + region);
    }
}
