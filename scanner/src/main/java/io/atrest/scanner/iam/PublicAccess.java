package io.atrest.scanner.iam;

import java.util.List;
import java.util.Set;

/**
 * Which statements grant something to everyone. A grant to "*" is public unless a condition
 * ties it to a specific network, organization, account or service: a positive match (not
 * IfExists, which passes when the key is absent) on one of the restricting keys, with a value
 * other than "*".
 */
public final class PublicAccess {

    /** Condition keys that narrow "everyone" to someone specific. */
    public static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:sourcevpce", "aws:sourcevpc", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourceip",
            "aws:principalarn", "aws:userid", "kms:calleraccount", "kms:viaservice");

    private PublicAccess() {}

    /** Allow statements open to everyone with no restricting condition. */
    public static List<Statement> publicGrants(PolicyDocument policy) {
        return policy.statements().stream()
                .filter(Statement::allow)
                .filter(Statement::appliesToEveryone)
                .filter(s -> !restricted(s))
                .toList();
    }

    static boolean restricted(Statement statement) {
        return statement.conditions().stream().anyMatch(c -> RESTRICTING_KEYS.contains(c.key())
                && c.positiveMatch() && !c.ifExists() && c.valuesRestrict() && !c.operator().startsWith("ForAllValues:"));
    }
}
