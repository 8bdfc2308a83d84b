package io.atrest.scanner.access;

import io.atrest.scanner.iam.Condition;
import io.atrest.scanner.iam.ConditionEvaluator;
import io.atrest.scanner.iam.ConditionEvaluator.Truth;
import io.atrest.scanner.iam.RequestContext;
import io.atrest.scanner.iam.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One part of an access decision, three-valued as IAM conditions are when atrest cannot know the
 * request (through which service, with MFA, from where), carrying what made it true (statements,
 * policies, grants) and the conditions it still depends on. Immutable.
 */
record Term(Truth truth, List<String> via, List<String> conditions) {

    static final Term NO = new Term(Truth.FALSE, List.of(), List.of());
    static final Term YES = new Term(Truth.TRUE, List.of(), List.of());

    Term {
        via = List.copyOf(via);
        conditions = List.copyOf(conditions);
    }

    /** What a statement's conditions give for {@code request}, labelled {@code label}. */
    static Term of(Statement statement, String label, RequestContext request) {
        Truth truth = ConditionEvaluator.evaluate(statement.conditions(), request);
        if (truth == Truth.FALSE) {
            return NO;
        }
        List<String> open = new ArrayList<>();
        if (truth == Truth.UNKNOWN) {
            for (Condition c : statement.conditions()) {
                if (ConditionEvaluator.evaluate(c, request) == Truth.UNKNOWN) {
                    open.add(c.operator() + " " + c.key() + " " + c.values());
                }
            }
        }
        return new Term(truth, List.of(label), open);
    }

    static Term yes(String via) {
        return new Term(Truth.TRUE, List.of(via), List.of());
    }

    static Term maybe(String via, String condition) {
        return new Term(Truth.UNKNOWN, List.of(via), List.of(condition));
    }

    /** The same decision, each reason marked with what it allowed ("key policy Admins [kms:CreateGrant]"). */
    Term marked(String what) {
        return via.isEmpty() ? this : new Term(truth, via.stream().map(v -> v + " [" + what + "]").toList(), conditions);
    }

    boolean isFalse() {
        return truth == Truth.FALSE;
    }

    /** Either suffices: a true side wins outright; two open sides stay open, each with its reasons. */
    Term or(Term other) {
        if (truth == Truth.TRUE && other.truth == Truth.TRUE) {
            return new Term(Truth.TRUE, concat(via, other.via), List.of());
        }
        if (truth == Truth.TRUE || other.truth == Truth.FALSE) {
            return this;
        }
        if (other.truth == Truth.TRUE || truth == Truth.FALSE) {
            return other;
        }
        return new Term(Truth.UNKNOWN, concat(via, other.via), concat(conditions, other.conditions));
    }

    /** Both are needed. */
    Term and(Term other) {
        if (truth == Truth.FALSE || other.truth == Truth.FALSE) {
            return NO;
        }
        Truth both = truth == Truth.TRUE && other.truth == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        return new Term(both, concat(via, other.via), concat(conditions, other.conditions));
    }

    /** This, unless {@code deny} applies: an explicit deny wins; one that may apply leaves this open. */
    Term unless(Term deny) {
        if (deny.truth == Truth.FALSE || truth == Truth.FALSE) {
            return this;
        }
        if (deny.truth == Truth.TRUE) {
            return NO;
        }
        return new Term(Truth.UNKNOWN, via, concat(conditions,
                List.of("not denied by " + String.join(", ", deny.via) + " (" + String.join("; ", deny.conditions) + ")")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<String> both = new ArrayList<>(a.size() + b.size());
        both.addAll(a);
        for (String s : b) {
            if (!both.contains(s)) {
                both.add(s);
            }
        }
        return both;
    }
}
