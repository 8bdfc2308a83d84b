package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Level;
import java.util.Optional;

/**
 * The shape of the checks that read a key policy: they judge customer keys only, the ones whose
 * policy the customer writes, and only once the policy was read and parsed; then
 * {@link #judgePolicy} reads the parsed policy.
 */
abstract class KeyPolicyCheck extends KeyCheck {

    @Override
    protected final Verdict judge(KmsKey key, Evaluation evaluation) {
        Verdict skip = skip(key, evaluation);
        return skip != null ? skip : judgePolicy(key, evaluation.policyDocument(key.policy().value()), evaluation);
    }

    /** Judges a customer key's parsed policy. */
    protected abstract Verdict judgePolicy(KmsKey key, PolicyDocument policy, Evaluation evaluation);

    /**
     * NOT_APPLICABLE for a key whose data's level does not demand the check: the highest level
     * among the stores it protects, or none when it protects no classified store.
     */
    static Verdict notDemanded(Optional<Level> level) {
        return Verdict.notApplicable(level.map(l -> "protects " + l.name() + " data, which does not demand it")
                .orElse("protects no classified store")).with("level", level.map(Level::name).orElse("none"));
    }

    /** NOT_APPLICABLE for AWS-managed or deleted-soon keys, NOT_EVALUATED for an unreadable policy, else null. */
    private static Verdict skip(KmsKey key, Evaluation evaluation) {
        if (!key.customerManaged()) {
            return Verdict.notApplicable("AWS writes the policies of the keys it manages").with("manager", key.manager());
        }
        if (key.state() == KeyState.PENDING_DELETION) {
            return Verdict.notApplicable("key is pending deletion").with("state", key.state());
        }
        if (!key.policy().isKnown()) {
            return Verdict.notEvaluated(key.policy().error());
        }
        if (key.policy().value() == null) {
            return Verdict.notEvaluated(ErrorReason.NOT_FOUND, "kms:GetKeyPolicy", "the key policy was not collected");
        }
        try {
            evaluation.policyDocument(key.policy().value());
            return null;
        } catch (PolicyParseException e) {
            return Verdict.notEvaluated(ErrorReason.API_ERROR, "kms:GetKeyPolicy", "key policy could not be analysed: " + e.getMessage());
        }
    }
}
