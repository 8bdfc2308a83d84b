package io.atrest.scanner.iam;

import java.util.List;

/**
 * One IAM policy statement, normalised: single values become lists; Action and NotAction,
 * Resource and NotResource, Principal and NotPrincipal are kept apart.
 *
 * @param notPrincipal true when the statement says NotPrincipal: it applies to everyone but those named
 */
public record Statement(
        String sid,
        boolean allow,
        Principal principal,
        boolean notPrincipal,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** How findings name the statement: its Sid, or "(no Sid)". */
    public String label() {
        return sid == null ? "(no Sid)" : sid;
    }

    /** Whether this statement's actions cover {@code action} ("s3:PutObject"), honouring wildcards and NotAction. */
    public boolean coversAction(String action) {
        boolean listed = false;
        for (int i = 0; i < actions.size() && !listed; i++) { // a loop: this runs for every statement of every check
            listed = Wildcards.matches(actions.get(i), action);
        }
        return notAction != listed;
    }

    /** Whether the statement applies to everyone (Principal "*", or a NotPrincipal). */
    public boolean appliesToEveryone() {
        return principal.everyone() || notPrincipal;
    }

    /** The conditions on {@code key} (case-insensitive). */
    public List<Condition> conditionsOn(String key) {
        List<Condition> on = List.of();
        for (Condition c : conditions) {
            if (c.key().equalsIgnoreCase(key)) { // keys are kept lower-cased; no copy of the asked key
                if (on.isEmpty()) {
                    on = new java.util.ArrayList<>(2);
                }
                on.add(c);
            }
        }
        return on;
    }
}
