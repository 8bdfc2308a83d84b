package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.KeyTier;
import io.atrest.scanner.policy.Level;

/**
 * "The key protecting the store is at least as strong as its classification demands", for any
 * kind of store. The tier comes from the key record itself (DescribeKey's KeyManager), never
 * from the shape of the reference; a reference that cannot be resolved is NOT_EVALUATED.
 */
public abstract class KeyTierCheck<T extends DataStore> extends StoreCheck<T> {

    @Override
    protected Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation) {
        if (!classification.isKnown()) {
            return Verdict.notEvaluated(classification.error());
        }
        Level level = classification.value().level();
        // The level sets the severity of its stores' key-tier findings, whatever their outcome: one
        // finding keeps one severity when it fails, is fixed, or cannot be read.
        return judge(store, level, evaluation).withSeverity(level.keyTierSeverity());
    }

    private Verdict judge(T store, Level level, Evaluation evaluation) {
        KeyTier required = level.minimumKeyTier();
        if (required == KeyTier.NONE) {
            return Verdict.notApplicable("level " + level.name() + " demands no encryption").with("level", level.name());
        }
        if (!store.storeEncryption().isKnown()) {
            return Verdict.notEvaluated(store.storeEncryption().error());
        }
        KeyResolution key = evaluation.storeKey(store);
        if (key == null) {
            key = KeyResolution.tier(KeyTier.NONE);
        }
        if (!key.resolved()) {
            return Verdict.notEvaluated(key.unresolvedReason(), key.operation(), key.detail())
                    .with("level", level.name())
                    .with("required", required);
        }
        Verdict verdict = key.tier().meets(required)
                ? Verdict.pass("key tier " + key.tier() + " meets " + required)
                : Verdict.fail("key tier " + key.tier() + " is below " + required + " required for " + level.name());
        verdict = verdict.with("level", level.name()).with("required", required).with("actual", key.tier());
        return key.key() == null ? verdict : verdict.with("key", key.key().arn());
    }
}
