package io.atrest.scanner.check;

/** Resource types, named as Security Hub's ASFF names them so exports need no mapping. */
public enum ResourceType {
    AwsS3Bucket,
    AwsKmsKey,
    AwsEc2Volume,
    AwsEc2Snapshot,
    AwsEc2Vpc,
    AwsRdsDbInstance,
    AwsRdsDbCluster,
    AwsRdsDbSnapshot,
    AwsRdsDbClusterSnapshot,
    AwsDynamoDbTable,
    AwsEfsFileSystem,
    AwsCloudTrailTrail,
    /** An account, or one region of it for regional settings (EBS defaults, AWS Config). */
    AwsAccount,
    /** Any kind of data store: for checks that judge them all (the reference names this). */
    DataStore
}
