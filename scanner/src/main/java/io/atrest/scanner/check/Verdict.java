package io.atrest.scanner.check;

import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.util.Map;

/**
 * A check's judgement of one resource, before it is dressed as a {@link Finding}. Evidence
 * names the facts it was judged on, so a reader can verify the outcome without a console.
 *
 * @param failedOperation for NOT_EVALUATED, the operation whose failure hid the fact
 * @param severity null to use the check's own severity
 */
public record Verdict(
        Outcome outcome,
        ErrorReason reason,
        String failedOperation,
        Severity severity,
        String message,
        Map<String, String> evidence) {

    public Verdict {
        evidence = Evidence.of(evidence);
        if ((outcome == Outcome.NOT_EVALUATED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with NOT_EVALUATED and nothing else");
        }
    }

    public static Verdict pass(String message) {
        return new Verdict(Outcome.PASS, null, null, null, message, Map.of());
    }

    public static Verdict fail(String message) {
        return new Verdict(Outcome.FAIL, null, null, null, message, Map.of());
    }

    public static Verdict notApplicable(String message) {
        return new Verdict(Outcome.NOT_APPLICABLE, null, null, null, message, Map.of());
    }

    public static Verdict notEvaluated(ErrorReason reason, String operation, String message) {
        return new Verdict(Outcome.NOT_EVALUATED, reason, operation, null, message, Map.of());
    }

    /** NOT_EVALUATED because {@code error} hid a fact the check needs. */
    public static Verdict notEvaluated(CollectionError error) {
        return notEvaluated(error.reason(), error.qualifiedOperation(),
                "could not read " + error.qualifiedOperation() + ": " + error.errorCode());
    }

    public Verdict with(String key, Object value) {
        return new Verdict(outcome, reason, failedOperation, severity, message,
                ((Evidence) evidence).with(key, String.valueOf(value)));
    }

    public Verdict withSeverity(Severity newSeverity) {
        return new Verdict(outcome, reason, failedOperation, newSeverity, message, evidence);
    }
}
