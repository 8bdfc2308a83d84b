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

/** Versioning is enabled on buckets whose classification demands it. */
public final class S3Versioning extends LevelDemandCheck<S3Bucket> {

    public static final CheckInfo INFO = CheckInfo.builder("s3-versioning")
            .title("S3 versioning is enabled where the classification demands it")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.MEDIUM)
            .passesWhen("Versioning is Enabled (not Suspended, not never-enabled) on buckets whose level requires it.")
            .rationale("Versioning keeps every overwritten or deleted object recoverable, so a mistaken or malicious "
                    + "delete, or an overwrite by ransomware, does not destroy the data.")
            .remediation("S3 console > bucket > Properties > Bucket Versioning > Edit > Enable > Save. Add a lifecycle "
                            + "rule to expire noncurrent versions to bound the cost.",
                    "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled")
            .mappedTo("FSBP S3.14", "Prowler s3_bucket_object_versioning")
            .build();

    public S3Versioning() {
        super(Level::requireVersioning, "versioning");
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
        BucketVersioning versioning = bucket.versioning().value() == null ? BucketVersioning.NEVER_ENABLED : bucket.versioning().value();
        Verdict verdict = versioning.enabled()
                ? Verdict.pass("versioning enabled")
                : Verdict.fail("versioning " + versioning.status() + " on a " + level.name() + " bucket");
        return verdict.with("versioning", versioning.status()).with("level", level.name());
    }
}
