package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Level;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A key-policy check that applies only to keys protecting data whose level demands it (the
 * highest level among the stores the key protects); every verdict names that level.
 */
abstract class LevelDemandedKeyPolicyCheck extends KeyPolicyCheck {
    private final Predicate<Level> demands;

    /** @param demands whether a level demands what the check looks for */
    LevelDemandedKeyPolicyCheck(Predicate<Level> demands) {
        this.demands = demands;
    }

    @Override
    protected final Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation) {
        Optional<Level> level = evaluation.highestLevelProtectedBy(key);
        if (level.isEmpty() || !demands.test(level.get())) {
            return notDemanded(level);
        }
        return judgeDemanded(key, policy, level.get()).with("level", level.get().name());
    }

    /** Judges the policy of a key whose data's level demands the check. */
    protected abstract Verdict judgeDemanded(KmsKey key, PolicyDocument policy, Level level);
}
