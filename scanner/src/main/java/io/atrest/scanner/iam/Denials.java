package io.atrest.scanner.iam;

import io.atrest.scanner.iam.ConditionEvaluator.Truth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a resource policy's Deny statements reject every request of a kind, read the way IAM
 * evaluates them: a Deny counts for a request when it applies to everyone, covers the action,
 * covers the whole {@link ResourceScope}, and {@link #applies} to the request.
 */
public final class Denials {

    /** A request a check needs denied, described for evidence ("uploads with no encryption header"). */
    public record Request(String description, String action, RequestContext context) {}

    /**
     * @param denying the statement that denies each request, in the order asked (several may be one statement)
     * @param undenied the requests no statement denies, in the order asked
     * @param gaps for each of them, why, for evidence
     */
    public record Outcome(List<Statement> denying, List<Request> undenied, List<String> gaps) {
        public boolean deniesAll() {
            return gaps.isEmpty();
        }

        /** The Sids of the denying statements, once each. */
        public List<String> sids() {
            return denying.stream().map(ResourceScope::sid).distinct().toList();
        }
    }

    private Denials() {}

    /**
     * Whether a Deny's conditions reject {@code request}: it conditions on at least one key the
     * request models (a Deny about something else is not this enforcement), every condition on a
     * modelled key holds as IAM evaluates it, and every condition on another key is a negated
     * operator: an exception carved out of the Deny (a break-glass role), not a narrowing of it
     * to some requests (a Deny only for one role, only in one region).
     */
    public static boolean applies(Statement statement, RequestContext request) {
        boolean onModelledKey = false;
        for (Condition c : statement.conditions()) {
            if (request.knows(c.key())) {
                onModelledKey = true;
                if (ConditionEvaluator.evaluate(c, request) != Truth.TRUE) {
                    return false;
                }
            } else if (!c.negativeMatch()) {
                return false;
            }
        }
        return onModelledKey;
    }

    public static Outcome of(PolicyDocument policy, ResourceScope scope, List<Request> requests) {
        List<Statement> denying = new ArrayList<>(requests.size());
        List<Request> undenied = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Request request : requests) {
            Optional<Statement> found = Optional.empty();
            String narrowed = null;
            for (Statement s : policy.statements()) {
                if (s.allow() || !s.appliesToEveryone() || !s.coversAction(request.action()) || !applies(s, request.context())) {
                    continue;
                }
                Optional<String> gap = scope.gap(s);
                if (gap.isEmpty()) {
                    found = Optional.of(s);
                    break;
                }
                narrowed = narrowed == null ? gap.get() : narrowed;
            }
            if (found.isPresent()) {
                denying.add(found.get());
            } else {
                undenied.add(request);
                gaps.add(narrowed != null ? request.description() + ": " + narrowed
                        : "no Deny of " + request.action() + " applies to " + request.description());
            }
        }
        return new Outcome(List.copyOf(denying), List.copyOf(undenied), List.copyOf(gaps));
    }
}
