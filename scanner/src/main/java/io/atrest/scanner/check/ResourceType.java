package io.atrest.scanner.check;

/** Resource types, named as Security Hub's ASFF names them so exports need no mapping. */
public enum ResourceType {
    AwsS3Bucket,
    AwsKmsKey,
    AwsAccount
}
