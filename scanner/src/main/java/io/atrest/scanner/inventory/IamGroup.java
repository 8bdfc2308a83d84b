package io.atrest.scanner.inventory;

import java.util.List;

/** An IAM group: its policies apply to each of its users. */
public record IamGroup(String name, String arn, List<NamedPolicy> inlinePolicies, List<String> attachedPolicies) {

    public IamGroup {
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
    }
}
