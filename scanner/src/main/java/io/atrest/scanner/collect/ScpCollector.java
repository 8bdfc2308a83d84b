package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * Collects the organization's service control policies, their documents and where they are
 * attached, from the management account or a delegated administrator.
 */
public final class ScpCollector {
    /** SCPs are not enabled in the organization: no policy restricts anything, which is a fact. */
    static final Set<String> SCPS_DISABLED = Set.of("PolicyTypeNotEnabledException");

    private final String callerAccountId;
    private final OrganizationsClient organizations;
    private final InventoryBuilder sink;

    public ScpCollector(String callerAccountId, OrganizationsClient organizations, InventoryBuilder sink) {
        this.callerAccountId = callerAccountId;
        this.organizations = organizations;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(callerAccountId, null, sink);
        Observed<List<PolicySummary>> policies = calls.observe("organizations", "ListPolicies", null,
                () -> organizations.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                        .flatMap(page -> page.policies().stream()).toList(),
                SCPS_DISABLED, List.of());
        if (!policies.isKnown()) {
            return;
        }
        for (PolicySummary summary : policies.value()) {
            Observed<String> document = calls.observe("organizations", "DescribePolicy", summary.arn(),
                    () -> organizations.describePolicy(r -> r.policyId(summary.id())).policy().content());
            Observed<List<String>> targets = calls.observe("organizations", "ListTargetsForPolicy", summary.arn(),
                    () -> organizations.listTargetsForPolicyPaginator(r -> r.policyId(summary.id())).stream()
                            .flatMap(page -> page.targets().stream()).map(t -> t.targetId()).toList());
            if (document.isKnown() && targets.isKnown()) {
                sink.serviceControlPolicy(new ServiceControlPolicy(summary.id(), summary.arn(), summary.name(),
                        Boolean.TRUE.equals(summary.awsManaged()), document.value(), targets.value()));
            }
        }
    }
}
