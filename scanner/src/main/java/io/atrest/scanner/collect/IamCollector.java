package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.AccountIdentities;
import io.atrest.scanner.inventory.IamGroup;
import io.atrest.scanner.inventory.IamPrincipal;
import io.atrest.scanner.inventory.IamPrincipal.PrincipalKind;
import io.atrest.scanner.inventory.ManagedPolicy;
import io.atrest.scanner.inventory.NamedPolicy;
import io.atrest.scanner.inventory.Observed;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Collects the IAM identities of one account and every policy that gives them permissions, with
 * one paged GetAccountAuthorizationDetails walk (IAM is global: once per account, whatever the
 * regions), then ListAccessKeys for each user, to tell long-term credentials apart. A failed walk
 * leaves no identities and its error: every check that needs them is then NOT_EVALUATED.
 */
public final class IamCollector {
    private final String accountId;
    private final IamClient iam;
    private final InventoryBuilder sink;
    private final Calls calls;

    /** @param homeRegion the region IAM's global endpoint is reached through, where its errors are filed */
    public IamCollector(String accountId, String homeRegion, IamClient iam, InventoryBuilder sink) {
        this.accountId = accountId;
        this.iam = iam;
        this.sink = sink;
        this.calls = new Calls(accountId, homeRegion, sink);
    }

    public void collect() {
        Observed<List<GetAccountAuthorizationDetailsResponse>> pages = calls.observe("iam", "GetAccountAuthorizationDetails", null,
                () -> iam.getAccountAuthorizationDetailsPaginator(b -> b.build()).stream().toList());
        if (!pages.isKnown()) {
            return;
        }
        List<IamPrincipal> principals = new ArrayList<>();
        List<IamGroup> groups = new ArrayList<>();
        List<ManagedPolicy> policies = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page : pages.value()) {
            page.userDetailList().forEach(u -> principals.add(user(u)));
            page.roleDetailList().forEach(r -> principals.add(role(r)));
            page.groupDetailList().forEach(g -> groups.add(group(g)));
            page.policies().forEach(p -> policies.add(managed(p)));
        }
        sink.identities(new AccountIdentities(accountId, principals, groups, policies));
    }

    private IamPrincipal user(UserDetail u) {
        Observed<Boolean> activeKeys = calls.observe("iam", "ListAccessKeys", u.arn(),
                () -> iam.listAccessKeysPaginator(b -> b.userName(u.userName())).accessKeyMetadata().stream()
                        .map(AccessKeyMetadata::status).anyMatch(StatusType.ACTIVE::equals));
        return new IamPrincipal(u.arn(), PrincipalKind.USER, u.userName(), inline(u.userPolicyList()), attached(u.attachedManagedPolicies()),
                u.groupList(), boundary(u.permissionsBoundary()), activeKeys);
    }

    private static IamPrincipal role(RoleDetail r) {
        return new IamPrincipal(r.arn(), PrincipalKind.ROLE, r.roleName(), inline(r.rolePolicyList()), attached(r.attachedManagedPolicies()),
                List.of(), boundary(r.permissionsBoundary()), Observed.of(false));
    }

    private static IamGroup group(GroupDetail g) {
        return new IamGroup(g.groupName(), g.arn(), inline(g.groupPolicyList()), attached(g.attachedManagedPolicies()));
    }

    /** A managed policy with its default version's document; null document when the walk did not carry it. */
    private static ManagedPolicy managed(ManagedPolicyDetail p) {
        String document = p.policyVersionList().stream()
                .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()) || v.versionId() != null && v.versionId().equals(p.defaultVersionId()))
                .map(PolicyVersion::document)
                .findFirst()
                .map(IamCollector::decoded)
                .orElse(null);
        return new ManagedPolicy(p.arn(), p.policyName(), p.arn() != null && p.arn().contains(":iam::aws:policy/"), document);
    }

    private static List<NamedPolicy> inline(List<PolicyDetail> details) {
        return details.stream().map(d -> new NamedPolicy(d.policyName(), decoded(d.policyDocument()))).toList();
    }

    private static List<String> attached(List<AttachedPolicy> policies) {
        return policies.stream().map(AttachedPolicy::policyArn).toList();
    }

    private static String boundary(AttachedPermissionsBoundary boundary) {
        return boundary == null ? null : boundary.permissionsBoundaryArn();
    }

    /**
     * IAM returns policy documents URL-encoded (RFC 3986) and the Java SDK does not decode them. A
     * document that already reads as JSON (an emulator that does not encode) is taken as it is:
     * decoding it again would turn a literal '+' into a space.
     */
    static String decoded(String document) {
        if (document == null) {
            return null;
        }
        String trimmed = document.trim();
        if (trimmed.startsWith("{")) {
            return document;
        }
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
