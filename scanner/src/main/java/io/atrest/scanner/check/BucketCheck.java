package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import java.util.List;

/** A check judged once per S3 bucket. */
public abstract class BucketCheck implements Check {

    /** Judges one bucket; {@code classification} may be unknown when the bucket's tags could not be read. */
    protected abstract Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().buckets().stream()
                .map(bucket -> {
                    Observed<Classification> classification = evaluation.classification(bucket);
                    Verdict verdict = judge(bucket, classification, evaluation);
                    String level = classification.isPresent() ? classification.value().level().name() : null;
                    ResourceRef ref = new ResourceRef(ResourceType.AwsS3Bucket, bucket.arn(), bucket.name(), bucket.accountId(), bucket.region());
                    return Findings.of(info(), ref, level, verdict);
                })
                .toList();
    }
}
