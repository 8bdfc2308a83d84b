package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.BucketCheck;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.S3Bucket;

/** Shared by the checks that read a bucket policy: reading it, or saying why it could not be read. */
abstract class S3BucketPolicyCheck extends BucketCheck {

    /** The parsed policy; null when the bucket has none. */
    static PolicyDocument policyOf(S3Bucket bucket, Evaluation evaluation) {
        String json = bucket.policy().value();
        return json == null ? null : evaluation.policyDocument(json);
    }

    /** NOT_EVALUATED for a policy that could not be read or analysed, else null. */
    static Verdict unreadable(S3Bucket bucket, Evaluation evaluation) {
        if (!bucket.policy().isKnown()) {
            return Verdict.notEvaluated(bucket.policy().error());
        }
        try {
            policyOf(bucket, evaluation);
            return null;
        } catch (PolicyParseException e) {
            return Verdict.notEvaluated(ErrorReason.API_ERROR, "s3:GetBucketPolicy", "bucket policy could not be analysed: " + e.getMessage());
        }
    }
}
