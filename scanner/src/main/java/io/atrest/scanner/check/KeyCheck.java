package io.atrest.scanner.check;

import io.atrest.scanner.inventory.KmsKey;
import java.util.List;

/** A check judged once per KMS key. */
public abstract class KeyCheck implements Check {

    protected abstract Verdict judge(KmsKey key, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return evaluation.inventory().keys().stream()
                .map(key -> Findings.of(info(),
                        new ResourceRef(ResourceType.AwsKmsKey, key.arn(), key.displayName(), key.accountId(), key.region()),
                        null, judge(key, evaluation)))
                .toList();
    }
}
