package io.atrest.scanner.inventory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IAM identities of one account and every policy that gives them permissions, as
 * GetAccountAuthorizationDetails reads them: users and roles, their groups, their inline and
 * attached policies and their permissions boundaries. Read once per account; a failed read leaves
 * no record and its error, and the checks that need it are NOT_EVALUATED.
 *
 * @param managedPolicies the managed policies attached in the account (customer-managed and AWS-managed), each with its default version
 */
public record AccountIdentities(String accountId, List<IamPrincipal> principals, List<IamGroup> groups,
                                List<ManagedPolicy> managedPolicies) {

    public AccountIdentities {
        principals = principals == null ? List.of() : List.copyOf(principals);
        groups = groups == null ? List.of() : List.copyOf(groups);
        managedPolicies = managedPolicies == null ? List.of() : List.copyOf(managedPolicies);
    }

    /** The managed policies by ARN. */
    public Map<String, ManagedPolicy> policiesByArn() {
        return managedPolicies.stream().collect(Collectors.toMap(ManagedPolicy::arn, Function.identity(), (a, b) -> a));
    }

    /** The groups by name. */
    public Map<String, IamGroup> groupsByName() {
        return groups.stream().collect(Collectors.toMap(IamGroup::name, Function.identity(), (a, b) -> a));
    }
}
