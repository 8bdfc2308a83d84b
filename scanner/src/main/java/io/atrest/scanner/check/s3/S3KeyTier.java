package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/**
 * The key behind a bucket's default encryption is at least as strong as its classification
 * demands. The tier comes from the key record itself (DescribeKey's KeyManager), never from
 * the shape of the reference.
 */
public final class S3KeyTier extends KeyTierCheck<S3Bucket> {

    public static final CheckInfo INFO = CheckInfo.builder("s3-key-tier")
            .title("S3 default encryption uses the key tier the bucket's classification demands")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the default encryption key (none < S3-owned < AWS-managed KMS < customer-managed KMS) "
                    + "meets the minimum that the policy sets for the bucket's classification level.")
            .rationale("SSE-S3 lets anyone who can read the bucket read the data; an AWS-managed key adds an audit trail "
                    + "of every use; only a customer-managed key lets the owner decide, in its key policy, who may "
                    + "decrypt, rotate or destroy it. Sensitive data needs the control its level calls for.")
            .remediation("Create or pick a customer-managed KMS key (KMS console > Customer managed keys), then S3 console "
                            + "> bucket > Properties > Default encryption > Edit > SSE-KMS > choose the key. Existing "
                            + "objects keep their old key until copied in place.",
                    "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration "
                            + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'")
            .mappedTo("Config s3-default-encryption-kms")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<S3Bucket> stores(Inventory inventory) {
        return inventory.buckets();
    }
}
