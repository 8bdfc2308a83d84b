package io.atrest.scanner.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM of one fake account. GetAccountAuthorizationDetails pages by Marker / IsTruncated as IAM
 * does, users, groups, roles and policies counted together against the page size, and its policy
 * documents come URL-encoded (RFC 3986), as IAM sends them.
 */
final class FakeIam implements IamClient {
    private final FakeAccount account;
    private final CallLog log;
    private final int pageSize;

    FakeIam(FakeAccount account, CallLog log, int pageSize) {
        this.account = account;
        this.log = log;
        this.pageSize = pageSize;
    }

    @Override
    public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(GetAccountAuthorizationDetailsRequest request) {
        log.serve(account.id, "Iam", "GetAccountAuthorizationDetails", null);
        List<Object> all = new ArrayList<>();
        account.iam.users.forEach(u -> all.add(user(u)));
        account.iam.groups.forEach(g -> all.add(group(g)));
        account.iam.roles.forEach(r -> all.add(role(r)));
        account.iam.policies.forEach((arn, document) -> all.add(policy(arn, document)));
        int start = request.marker() == null ? 0 : Integer.parseInt(request.marker());
        int end = Math.min(all.size(), start + pageSize);
        List<Object> page = all.subList(start, end);
        GetAccountAuthorizationDetailsResponse.Builder response = GetAccountAuthorizationDetailsResponse.builder()
                .userDetailList(page.stream().filter(UserDetail.class::isInstance).map(UserDetail.class::cast).toList())
                .groupDetailList(page.stream().filter(GroupDetail.class::isInstance).map(GroupDetail.class::cast).toList())
                .roleDetailList(page.stream().filter(RoleDetail.class::isInstance).map(RoleDetail.class::cast).toList())
                .policies(page.stream().filter(ManagedPolicyDetail.class::isInstance).map(ManagedPolicyDetail.class::cast).toList())
                .isTruncated(end < all.size());
        return (end < all.size() ? response.marker(Integer.toString(end)) : response).build();
    }

    @Override
    public ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest request) {
        log.serve(account.id, "Iam", "ListAccessKeys", request.userName());
        FakeAccount.Principal user = account.iam.users.stream().filter(u -> u.name.equals(request.userName())).findFirst()
                .orElseThrow(() -> CallLog.error("NoSuchEntity", 404));
        List<AccessKeyMetadata> keys = new ArrayList<>();
        for (int i = 0; i < user.accessKeyStatuses.size(); i++) {
            keys.add(AccessKeyMetadata.builder().userName(user.name).accessKeyId("AKIAFAKE" + i).status(user.accessKeyStatuses.get(i)).build());
        }
        return ListAccessKeysResponse.builder().accessKeyMetadata(keys).isTruncated(false).build();
    }

    private static UserDetail user(FakeAccount.Principal u) {
        return UserDetail.builder().userName(u.name).arn(u.arn).userPolicyList(inline(u.inline)).groupList(u.groups)
                .attachedManagedPolicies(attached(u.attached)).permissionsBoundary(boundary(u.boundary)).build();
    }

    private static RoleDetail role(FakeAccount.Principal r) {
        return RoleDetail.builder().roleName(r.name).arn(r.arn).rolePolicyList(inline(r.inline))
                .attachedManagedPolicies(attached(r.attached)).permissionsBoundary(boundary(r.boundary)).build();
    }

    private static GroupDetail group(FakeAccount.Principal g) {
        return GroupDetail.builder().groupName(g.name).arn(g.arn).groupPolicyList(inline(g.inline))
                .attachedManagedPolicies(attached(g.attached)).build();
    }

    private static ManagedPolicyDetail policy(String arn, String document) {
        return ManagedPolicyDetail.builder().arn(arn).policyName(arn.substring(arn.lastIndexOf('/') + 1)).defaultVersionId("v2")
                .policyVersionList(PolicyVersion.builder().versionId("v1").isDefaultVersion(false).document(encoded("{\"Statement\":[]}")).build(),
                        PolicyVersion.builder().versionId("v2").isDefaultVersion(true).document(encoded(document)).build())
                .build();
    }

    private static List<PolicyDetail> inline(Map<String, String> policies) {
        List<PolicyDetail> details = new ArrayList<>();
        policies.forEach((name, document) -> details.add(PolicyDetail.builder().policyName(name).policyDocument(encoded(document)).build()));
        return details;
    }

    private static List<AttachedPolicy> attached(List<String> arns) {
        return arns.stream().map(arn -> AttachedPolicy.builder().policyArn(arn).policyName(arn.substring(arn.lastIndexOf('/') + 1)).build()).toList();
    }

    private static AttachedPermissionsBoundary boundary(String arn) {
        return arn == null ? null : AttachedPermissionsBoundary.builder().permissionsBoundaryArn(arn)
                .permissionsBoundaryType("PermissionsBoundaryPolicy").build();
    }

    /** As IAM encodes documents: RFC 3986, a space as %20. */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String serviceName() {
        return "iam";
    }

    @Override
    public void close() {}
}
