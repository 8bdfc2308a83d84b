package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.LevelDemandCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** MFA delete is on where the level demands it. */
public final class S3MfaDelete extends LevelDemandCheck<S3Bucket> {

    public static final CheckInfo INFO = CheckInfo.builder("s3-mfa-delete")
            .title("S3 MFA delete is on where the classification demands it")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.LOW)
            .passesWhen("Versioning has MFA delete enabled, on buckets whose level requires it.")
            .rationale("With MFA delete, permanently deleting a version or suspending versioning needs the root user's MFA device, "
                    + "so stolen credentials alone cannot destroy the history of the data.")
            .remediation("Only the root user can enable MFA delete, with the AWS CLI (not the console).",
                    "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled "
                            + "--mfa \"arn:aws:iam::<account>:mfa/root-account-mfa-device <code>\"")
            .mappedTo("FSBP S3.20", "CIS 2.1.2", "Prowler s3_bucket_no_mfa_delete")
            .build();

    public S3MfaDelete() {
        super(Level::requireMfaDelete, "MFA delete");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<S3Bucket> stores(Inventory inventory) {
        return inventory.buckets();
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Level level, Evaluation evaluation) {
        if (!bucket.versioning().isKnown()) {
            return Verdict.notEvaluated(bucket.versioning().error());
        }
        BucketVersioning v = bucket.versioning().value() == null ? BucketVersioning.NEVER_ENABLED : bucket.versioning().value();
        return v.mfaDelete()
                ? Verdict.pass("MFA delete enabled").with("mfaDelete", true)
                : Verdict.fail("MFA delete disabled on a " + level.name() + " bucket").with("mfaDelete", false).with("level", level.name());
    }
}
