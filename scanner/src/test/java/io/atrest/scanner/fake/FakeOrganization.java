package io.atrest.scanner.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.DescribePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribePolicyResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;

/** A fake organization: accounts, OUs under a root, tags; ListAccounts paged by NextToken. */
public final class FakeOrganization implements OrganizationsClient {
    public static final String ROOT = "r-root";
    private final String managementAccountId;
    private final CallLog log;
    private final int pageSize;
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> ouNames = new HashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    public boolean inUse = true;

    public FakeOrganization(String managementAccountId, CallLog log, int pageSize) {
        this.managementAccountId = managementAccountId;
        this.log = log;
        this.pageSize = pageSize;
    }

    public FakeOrganization ou(String id, String name, String parent) {
        ouNames.put(id, name);
        parentOf.put(id, parent);
        return this;
    }

    public FakeOrganization account(String id, String name, String status, String parent, Map<String, String> accountTags) {
        accounts.add(Account.builder().id(id).name(name).email(name + "@example.com").status(status).build());
        parentOf.put(id, parent);
        tags.put(id, new LinkedHashMap<>(accountTags));
        return this;
    }

    @Override
    public DescribeOrganizationResponse describeOrganization(DescribeOrganizationRequest request) {
        log.serve(managementAccountId, "Organizations", "DescribeOrganization", null);
        if (!inUse) {
            throw AwsOrganizationsNotInUseException.builder().message("not in use").statusCode(400).build();
        }
        return DescribeOrganizationResponse.builder()
                .organization(Organization.builder().id("o-fake12345").masterAccountId(managementAccountId).build()).build();
    }

    @Override
    public ListAccountsResponse listAccounts(ListAccountsRequest request) {
        log.serve(managementAccountId, "Organizations", "ListAccounts", null);
        int start = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int end = Math.min(accounts.size(), start + pageSize);
        return ListAccountsResponse.builder().accounts(accounts.subList(start, end))
                .nextToken(end < accounts.size() ? Integer.toString(end) : null).build();
    }

    @Override
    public ListParentsResponse listParents(ListParentsRequest request) {
        log.serve(managementAccountId, "Organizations", "ListParents", request.childId());
        String parent = parentOf.get(request.childId());
        String type = parent.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ROOT";
        return ListParentsResponse.builder().parents(Parent.builder().id(parent).type(type).build()).build();
    }

    @Override
    public DescribeOrganizationalUnitResponse describeOrganizationalUnit(DescribeOrganizationalUnitRequest request) {
        log.serve(managementAccountId, "Organizations", "DescribeOrganizationalUnit", request.organizationalUnitId());
        return DescribeOrganizationalUnitResponse.builder().organizationalUnit(OrganizationalUnit.builder()
                .id(request.organizationalUnitId()).name(ouNames.get(request.organizationalUnitId())).build()).build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        log.serve(managementAccountId, "Organizations", "ListTagsForResource", request.resourceId());
        List<Tag> list = new ArrayList<>();
        tags.getOrDefault(request.resourceId(), Map.of()).forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return ListTagsForResourceResponse.builder().tags(list).build();
    }

    /** Attaches a service control policy to targets (root, OU or account ids). */
    public FakeOrganization scp(String id, String name, String document, String... targets) {
        policies.add(new Object[] {id, name, document, List.of(targets)});
        return this;
    }

    private final List<Object[]> policies = new ArrayList<>();

    @Override
    public ListPoliciesResponse listPolicies(ListPoliciesRequest request) {
        log.serve(managementAccountId, "Organizations", "ListPolicies", null);
        return ListPoliciesResponse.builder().policies(policies.stream().map(p -> PolicySummary.builder()
                .id((String) p[0]).name((String) p[1]).arn("arn:aws:organizations::" + managementAccountId + ":policy/" + p[0])
                .awsManaged(false).type("SERVICE_CONTROL_POLICY").build()).toList()).build();
    }

    @Override
    public DescribePolicyResponse describePolicy(DescribePolicyRequest request) {
        log.serve(managementAccountId, "Organizations", "DescribePolicy", request.policyId());
        Object[] p = policies.stream().filter(x -> x[0].equals(request.policyId())).findFirst().orElseThrow();
        return DescribePolicyResponse.builder().policy(Policy.builder().content((String) p[2]).build()).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public ListTargetsForPolicyResponse listTargetsForPolicy(ListTargetsForPolicyRequest request) {
        log.serve(managementAccountId, "Organizations", "ListTargetsForPolicy", request.policyId());
        Object[] p = policies.stream().filter(x -> x[0].equals(request.policyId())).findFirst().orElseThrow();
        return ListTargetsForPolicyResponse.builder().targets(((List<String>) p[3]).stream()
                .map(t -> PolicyTargetSummary.builder().targetId(t).build()).toList()).build();
    }

    @Override
    public String serviceName() {
        return "organizations";
    }

    @Override
    public void close() {}
}
