package io.atrest.scanner.inventory;

import java.util.List;

/**
 * An IAM user or role and the policies that give it its permissions.
 *
 * @param attachedPolicies ARNs of the managed policies attached to it directly
 * @param groups the names of a user's groups (their policies apply to it too)
 * @param permissionsBoundary the ARN of its permissions boundary, or null
 * @param activeAccessKeys whether a user has an active long-term access key (ListAccessKeys); false for roles
 */
public record IamPrincipal(String arn, PrincipalKind kind, String name, List<NamedPolicy> inlinePolicies, List<String> attachedPolicies,
                           List<String> groups, String permissionsBoundary, Observed<Boolean> activeAccessKeys) {

    /** Users have long-term credentials; roles are assumed. */
    public enum PrincipalKind { USER, ROLE }

    public IamPrincipal {
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        groups = groups == null ? List.of() : List.copyOf(groups);
        activeAccessKeys = activeAccessKeys == null ? Observed.of(false) : activeAccessKeys;
    }
}
