package io.atrest.scanner.check.kms;

import io.atrest.scanner.access.KeyAccess;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.KeyAccessRules;
import io.atrest.scanner.policy.Level;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The shape of the checks that judge who can use a key, on its effective access (the key policy
 * joined with its account's identity policies, boundaries, grants and SCPs): customer keys whose
 * data's level demands it, and only once the access matrix is complete. A matrix with a gap (an
 * IAM walk that failed, grants unread) is NOT_EVALUATED, never a pass.
 */
abstract class KeyAccessCheck extends KeyPolicyCheck {
    private final Predicate<KeyAccessRules> demands;

    KeyAccessCheck(Predicate<KeyAccessRules> demands) {
        this.demands = demands;
    }

    @Override
    protected final Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation) {
        Optional<Level> level = evaluation.highestLevelProtectedBy(key);
        if (level.isEmpty() || !demands.test(level.get().keyAccess())) {
            return notDemanded(level);
        }
        Optional<KeyAccess> access = evaluation.keyAccess(key);
        if (access.isEmpty()) {
            return Verdict.notEvaluated(ErrorReason.API_ERROR, "kms:GetKeyPolicy", "the key's access could not be worked out");
        }
        if (!access.get().complete()) {
            return Verdict.notEvaluated(access.get().gap()).with("level", level.get().name());
        }
        Verdict verdict = judgeAccess(access.get(), level.get(), evaluation).with("level", level.get().name());
        return access.get().notes().isEmpty() ? verdict : verdict.with("notes", access.get().notes());
    }

    /** Judges the complete access matrix of a key whose data's level demands the check. */
    protected abstract Verdict judgeAccess(KeyAccess access, Level level, Evaluation evaluation);
}
