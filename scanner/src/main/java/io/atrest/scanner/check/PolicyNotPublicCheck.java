package io.atrest.scanner.check;

import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.iam.PublicAccess;
import io.atrest.scanner.iam.ResourceScope;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.policy.Classification;
import java.util.List;

/**
 * "The store's resource policy grants nothing to everyone", for any store with a resource policy:
 * an Allow to "*" (or a NotPrincipal) whose conditions can hold for a caller from outside the
 * company ({@link PublicAccess}), on a Resource that covers the store. No policy passes; an
 * unreadable or unparsable one is NOT_EVALUATED.
 */
public abstract class PolicyNotPublicCheck<T extends PolicyStore> extends StoreCheck<T> {
    private final String policyCall;

    /** @param policyCall the call that reads the policy ("sqs:GetQueueAttributes"), named when the policy cannot be parsed */
    protected PolicyNotPublicCheck(String policyCall) {
        this.policyCall = policyCall;
    }

    @Override
    protected Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation) {
        Observed<String> policy = store.resourcePolicy();
        if (!policy.isKnown()) {
            return Verdict.notEvaluated(policy.error());
        }
        if (policy.value() == null || policy.value().isBlank()) {
            return Verdict.pass("no resource policy").with("policy", "none");
        }
        PolicyDocument document;
        try {
            document = evaluation.policyDocument(policy.value());
        } catch (PolicyParseException e) {
            return Verdict.notEvaluated(ErrorReason.API_ERROR, policyCall, "resource policy could not be analysed: " + e.getMessage());
        }
        // A statement whose Resource names another resource grants nothing on this one.
        List<Statement> open = PublicAccess.publicGrants(document).stream()
                .filter(s -> ResourceScope.exactly(store.arn()).gap(s).isEmpty())
                .toList();
        return open.isEmpty()
                ? Verdict.pass("the resource policy grants nothing to everyone")
                : Verdict.fail("the resource policy grants access to everyone").with("statements", open.stream().map(Statement::label).toList());
    }
}
