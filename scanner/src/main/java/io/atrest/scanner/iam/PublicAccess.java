package io.atrest.scanner.iam;

import java.util.List;

/**
 * Which statements grant something to everyone. A grant to "*" is public when its conditions
 * can hold for someone outside the company: an anonymous caller from the internet, a principal of
 * another account and organization, or an AWS service acting for one. The conditions are
 * evaluated for each of those callers as IAM evaluates them ({@link ConditionEvaluator}), so a
 * condition restricts only where it is false for all three: a positive match on the caller's
 * network, organization, account or ARN does that; {@code IfExists}, a negated operator, "*", a
 * CIDR such as 0.0.0.0/0, or a key the caller controls (aws:Referer, aws:UserAgent) does not.
 */
public final class PublicAccess {

    private static final String OUTSIDE_ACCOUNT = "999988887777";
    private static final String OUTSIDE_ORG = "o-outsider0000";
    /** An address from a range no real policy names (198.18.0.0/15 is for benchmarks). */
    private static final String OUTSIDE_IP = "198.18.77.77";

    /** Callers from outside, as their requests look to IAM. kms:ViaService is absent for each (see the class doc of the check). */
    static final List<RequestContext> OUTSIDERS = List.of(
            // anonymous, from the internet
            base().with("aws:userid", "anonymous").without("aws:principalaccount").without("aws:principalarn")
                    .without("aws:principalorgid").without("aws:principalorgpaths").without("kms:calleraccount"),
            // a role of another account and organization
            base().with("aws:userid", "AROAOUTSIDER0000000:outsider").with("aws:principalaccount", OUTSIDE_ACCOUNT)
                    .with("aws:principalarn", "arn:aws:iam::" + OUTSIDE_ACCOUNT + ":role/outsider")
                    .with("aws:principalorgid", OUTSIDE_ORG).with("aws:principalorgpaths", OUTSIDE_ORG + "/r-out0/ou-out0-00000000/")
                    .with("kms:calleraccount", OUTSIDE_ACCOUNT),
            // an AWS service acting for another account (the confused deputy)
            base().with("aws:sourceaccount", OUTSIDE_ACCOUNT).with("aws:sourcearn", "arn:aws:cloudtrail:us-east-1:" + OUTSIDE_ACCOUNT
                            + ":trail/outsider").with("aws:sourceorgid", OUTSIDE_ORG)
                    .with("aws:sourceorgpaths", OUTSIDE_ORG + "/r-out0/ou-out0-00000000/")
                    .without("aws:principalaccount").without("aws:principalarn").without("aws:principalorgid")
                    .without("aws:principalorgpaths").without("aws:userid").without("kms:calleraccount"));

    private static RequestContext base() {
        RequestContext context = RequestContext.empty().with("aws:sourceip", OUTSIDE_IP).without("aws:sourcevpce").without("aws:sourcevpc")
                .without("kms:viaservice");
        for (String key : List.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths")) {
            context = context.without(key);
        }
        return context;
    }

    private PublicAccess() {}

    /** Allow statements open to everyone whose conditions can hold for a caller from outside. */
    public static List<Statement> publicGrants(PolicyDocument policy) {
        return policy.statements().stream()
                .filter(Statement::allow)
                .filter(Statement::appliesToEveryone)
                .filter(s -> !restricted(s))
                .toList();
    }

    /** Whether the statement's conditions are false for every outside caller. */
    static boolean restricted(Statement statement) {
        for (RequestContext outsider : OUTSIDERS) {
            if (ConditionEvaluator.evaluate(statement.conditions(), outsider) != ConditionEvaluator.Truth.FALSE) {
                return false;
            }
        }
        return true;
    }
}
