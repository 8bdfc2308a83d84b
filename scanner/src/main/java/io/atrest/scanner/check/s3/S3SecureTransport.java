package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.BucketPolicyAnalysis;
import io.atrest.scanner.iam.Denials;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;

/** The bucket policy denies every request made without TLS. Applies to every bucket. */
public final class S3SecureTransport extends S3BucketPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-secure-transport")
            .title("S3 bucket policies deny requests without TLS")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.MEDIUM)
            .passesWhen("The bucket policy denies reads and writes for everyone when aws:SecureTransport is false (Bool or BoolIfExists; the key is "
                    + "in every request), in a Deny whose Resource covers every object of the bucket (bucket/* or wider; a NotResource "
                    + "must leave no object out).")
            .rationale("Data protected at rest can still be read or altered on the wire; denying plain HTTP closes that path.")
            .remediation("S3 console > bucket > Permissions > Bucket policy: add a Deny of s3:* on the bucket and its objects "
                            + "for Principal * with Condition Bool aws:SecureTransport = false.",
                    "aws s3api put-bucket-policy --bucket <bucket> --policy file://deny-insecure-transport.json")
            .mappedTo("FSBP S3.5", "CIS 2.1.1", "Config s3-bucket-ssl-requests-only", "Prowler s3_bucket_secure_transport_policy")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Verdict unreadable = unreadable(bucket, evaluation);
        if (unreadable != null) {
            return unreadable;
        }
        PolicyDocument policy = policyOf(bucket, evaluation);
        if (policy == null) {
            return Verdict.fail("the bucket has no policy, so plain HTTP is allowed");
        }
        Denials.Outcome deny = BucketPolicyAnalysis.enforcesSecureTransport(policy, bucket.arn());
        return deny.deniesAll()
                ? Verdict.pass("requests without TLS are denied").with("statement", String.join(",", deny.sids()))
                : Verdict.fail("reads and writes over plain HTTP are not all denied").with("gaps", deny.gaps());
    }
}
