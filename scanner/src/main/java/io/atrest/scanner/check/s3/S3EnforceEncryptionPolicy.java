package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Demand;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.BucketPolicyAnalysis;
import io.atrest.scanner.iam.Denials;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.KeyTier;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;

/**
 * The bucket policy rejects uploads that do not ask for the encryption the level demands, and,
 * where the level demands a dedicated key, uploads naming any other key.
 */
public final class S3EnforceEncryptionPolicy extends S3BucketPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-enforce-encryption-policy")
            .title("S3 bucket policies reject unencrypted uploads")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.MEDIUM)
            .passesWhen("For levels that demand it, the bucket policy denies s3:PutObject without the server-side encryption header "
                    + "(and with AES256 where the level needs KMS), and with a dedicated key, denies uploads naming any other key id or "
                    + "aws:kms without a key id (S3 then uses aws/s3). Conditions are read as IAM evaluates them when a key is absent: "
                    + "StringNotEquals and IfExists hold, Null tests presence; a Deny counts only where its Resource covers every object.")
            .rationale("Default encryption applies only when a request names no encryption; a policy that rejects the wrong header "
                    + "stops an application from writing data under a weaker scheme or someone else's key.")
            .remediation("S3 console > bucket > Permissions > Bucket policy > Edit: add a Deny for s3:PutObject when "
                            + "s3:x-amz-server-side-encryption is not aws:kms (StringNotEquals), and when "
                            + "s3:x-amz-server-side-encryption-aws-kms-key-id is not your key ARN.",
                    "aws s3api put-bucket-policy --bucket <bucket> --policy file://deny-unencrypted-put.json")
            .mappedTo("Custodian no-encryption-statement")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Demand demand = Demand.of(classification, Level::requireEncryptionPolicy, "it");
        if (demand.skip() != null) {
            return demand.skip();
        }
        Level level = demand.level();
        Verdict unreadable = unreadable(bucket, evaluation);
        if (unreadable != null) {
            return unreadable;
        }
        PolicyDocument policy = policyOf(bucket, evaluation);
        if (policy == null) {
            return Verdict.fail("the bucket has no policy").with("level", level.name());
        }
        boolean kms = level.minimumKeyTier().meets(KeyTier.KMS_AWS_MANAGED);
        Denials.Outcome header = BucketPolicyAnalysis.deniesUnencryptedPut(policy, bucket.arn(), kms);
        if (!header.deniesAll()) {
            return Verdict.fail("uploads without " + (kms ? "SSE-KMS" : "server-side encryption") + " are not all denied")
                    .with("level", level.name()).with("gaps", header.gaps());
        }
        if (level.requireDedicatedKey()) {
            KeyResolution key = bucket.encryption().isPresent() ? evaluation.storeKey(bucket) : null;
            if (key == null || key.key() == null) {
                return Verdict.notEvaluated(io.atrest.scanner.inventory.ErrorReason.NOT_FOUND, "kms:DescribeKey",
                        "the bucket's dedicated key is not known, so the key condition cannot be checked");
            }
            Denials.Outcome others = BucketPolicyAnalysis.deniesOtherKeys(policy, bucket.arn(), key.key().arn());
            if (!others.deniesAll()) {
                return Verdict.fail("uploads may name another KMS key than " + key.key().arn())
                        .with("key", key.key().arn()).with("gaps", others.gaps());
            }
        }
        return Verdict.pass("uploads without " + (kms ? "SSE-KMS" : "encryption") + " are denied")
                .with("statement", String.join(",", header.sids()));
    }
}
