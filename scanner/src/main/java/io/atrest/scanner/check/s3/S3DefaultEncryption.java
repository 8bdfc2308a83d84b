package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.BucketCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;

/** Every bucket encrypts new objects by default. Applies to every bucket, so never NOT_APPLICABLE. */
public final class S3DefaultEncryption extends BucketCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-default-encryption")
            .title("S3 buckets encrypt new objects by default")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.HIGH)
            .passesWhen("The bucket has a default encryption rule: SSE-S3, SSE-KMS or DSSE-KMS.")
            .rationale("Default encryption makes every object written without an encryption header encrypted at rest, "
                    + "so protection does not depend on each application remembering to ask for it.")
            .remediation("S3 console > bucket > Properties > Default encryption > Edit: choose SSE-KMS with the key "
                            + "your classification demands (or SSE-S3 at minimum) and save.",
                    "aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration "
                            + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'")
            .mappedTo("Config s3-bucket-server-side-encryption-enabled", "Prowler s3_bucket_default_encryption")
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
        BucketEncryption encryption = bucket.encryption().value() == null ? BucketEncryption.NONE : bucket.encryption().value();
        if (encryption.type() == EncryptionType.NONE) {
            return Verdict.fail("no default encryption rule").with("encryption", EncryptionType.NONE);
        }
        Verdict pass = Verdict.pass("default encryption " + encryption.type()).with("encryption", encryption.type());
        return encryption.kmsKeyRef() == null ? pass : pass.with("kmsKey", encryption.kmsKeyRef());
    }
}
