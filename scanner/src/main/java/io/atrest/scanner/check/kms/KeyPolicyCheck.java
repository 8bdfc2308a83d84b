package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;

/** Shared by the checks that read a key policy: they judge customer keys only, the ones whose policy the customer writes. */
abstract class KeyPolicyCheck extends KeyCheck {

    /** NOT_APPLICABLE for AWS-managed or deleted-soon keys, NOT_EVALUATED for an unreadable policy, else null. */
    static Verdict skip(KmsKey key, Evaluation evaluation) {
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

    static PolicyDocument policyOf(KmsKey key, Evaluation evaluation) {
        return evaluation.policyDocument(key.policy().value());
    }
}
