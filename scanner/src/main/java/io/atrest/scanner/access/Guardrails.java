package io.atrest.scanner.access;

import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.iam.RequestContext;
import io.atrest.scanner.iam.ResourceScope;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The service control policies that bind an account's users and roles, as AWS Organizations
 * applies them: at every level of the account's path (the root, each OU, the account itself) some
 * SCP attached there must allow the action, and a Deny in any of them wins. SCPs never bind the
 * management account, and bind nothing where the organization has none.
 */
public final class Guardrails {
    private final List<List<PolicyStatement>> levels;
    private final List<PolicyStatement> denies;
    private final String note;

    private Guardrails(List<List<PolicyStatement>> levels, List<PolicyStatement> denies, String note) {
        this.levels = levels;
        this.denies = denies;
        this.note = note;
    }

    /** Nothing bounds the account: it is the management account, or the organization uses no SCPs. */
    public static Guardrails none() {
        return new Guardrails(List.of(), List.of(), null);
    }

    /** The SCPs are not known (their listing failed): the matrix goes without them, and says so. */
    public static Guardrails unknown(String why) {
        return new Guardrails(List.of(), List.of(), "service control policies not applied: " + why);
    }

    /** The SCPs of {@code scps} attached on the account's path, level by level. */
    public static Guardrails of(Account account, List<ServiceControlPolicy> scps) {
        if (scps.isEmpty()) {
            return none();
        }
        List<String> path = new ArrayList<>(account.parentIds());
        path.add(account.id());
        List<List<PolicyStatement>> levels = new ArrayList<>();
        List<PolicyStatement> denies = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        for (String target : path) {
            List<PolicyStatement> allows = new ArrayList<>();
            if (scps.stream().noneMatch(scp -> scp.targetIds().contains(target))) {
                // AWS keeps at least one SCP on every root, OU and account: none recorded means the listing missed it
                unrecorded.add(target);
                continue;
            }
            for (ServiceControlPolicy scp : scps) {
                if (!scp.targetIds().contains(target)) {
                    continue;
                }
                for (Statement s : statements(scp)) {
                    PolicyStatement statement = PolicyStatement.of("SCP " + scp.name(), s);
                    if (!statement.actions().isEmpty()) {
                        (s.allow() ? allows : denies).add(statement);
                    }
                }
            }
            levels.add(allows);
        }
        return new Guardrails(List.copyOf(levels), List.copyOf(denies), unrecorded.isEmpty() ? null
                : "no service control policy recorded on " + String.join(", ", unrecorded) + " (AWS keeps one on each): those levels were not applied");
    }

    private static List<Statement> statements(ServiceControlPolicy scp) {
        try {
            return PolicyDocument.parse(scp.document()).statements();
        } catch (PolicyParseException e) {
            return List.of(); // an SCP AWS accepted always parses; one that does not is reported by the SCP checks
        }
    }

    /** Why the SCPs (or some levels of them) were left out, or null when they were applied (or bind nothing). */
    String note() {
        return note;
    }

    /** Whether every level of the path allows {@code action} ("Decrypt") on the key. */
    Term allow(String action, ResourceScope key, RequestContext request) {
        Term all = Term.YES;
        for (List<PolicyStatement> level : levels) {
            Term any = Term.NO;
            for (PolicyStatement s : level) {
                if (s.covers(action) && key.gap(s.statement()).isEmpty()) {
                    any = any.or(Term.of(s.statement(), s.label(), request));
                }
            }
            all = all.and(any.isFalse() ? Term.NO : Term.YES.and(new Term(any.truth(), List.of(), any.conditions())));
        }
        return all;
    }

    /** Whether a Deny of an SCP on the path rejects {@code action} on the key. */
    Term deny(String action, ResourceScope key, RequestContext request) {
        Term any = Term.NO;
        for (PolicyStatement s : denies) {
            if (s.covers(action) && key.gap(s.statement()).isEmpty()) {
                any = any.or(Term.of(s.statement(), s.label(), request));
            }
        }
        return any;
    }
}
