package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.BucketCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;

/** SSE-KMS buckets use an S3 Bucket Key; other buckets have no KMS requests to save. */
public final class S3BucketKey extends BucketCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-bucket-key")
            .title("SSE-KMS buckets use an S3 Bucket Key")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.LOW)
            .passesWhen("Buckets whose default encryption is SSE-KMS or DSSE-KMS have BucketKeyEnabled.")
            .rationale("Without a bucket key every object operation is a KMS request: cost, and throttling that can make writes "
                    + "fail under load. A bucket key cuts KMS requests by up to 99% with the same key.")
            .remediation("S3 console > bucket > Properties > Default encryption > Edit > Bucket Key: Enable > Save.",
                    "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration "
                            + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'")
            .mappedTo("Custodian bucket-encryption bucket_key_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        if (!bucket.encryption().isKnown()) {
            return Verdict.notEvaluated(bucket.encryption().error());
        }
        BucketEncryption e = bucket.encryption().value() == null ? BucketEncryption.NONE : bucket.encryption().value();
        if (!e.type().usesKms()) {
            return Verdict.notApplicable("default encryption is " + e.type()).with("encryption", e.type());
        }
        return e.bucketKeyEnabled()
                ? Verdict.pass("bucket key enabled").with("bucketKey", true)
                : Verdict.fail("SSE-KMS without a bucket key").with("bucketKey", false);
    }
}
