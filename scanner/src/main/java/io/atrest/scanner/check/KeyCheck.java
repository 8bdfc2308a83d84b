package io.atrest.scanner.check;

import io.atrest.scanner.inventory.KmsKey;
import java.util.ArrayList;
import java.util.List;

/** A check judged once per KMS key. */
public abstract class KeyCheck implements Check {

    protected abstract Verdict judge(KmsKey key, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        List<KmsKey> keys = evaluation.inventory().keys();
        List<Finding> findings = new ArrayList<>(keys.size());
        for (KmsKey key : keys) {
            findings.add(Findings.of(info(), evaluation.ref(key), null, judge(key, evaluation)));
        }
        return findings;
    }
}
