package io.atrest.scanner.access;

import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.AccountIdentities;
import io.atrest.scanner.inventory.IamGroup;
import io.atrest.scanner.inventory.IamPrincipal;
import io.atrest.scanner.inventory.ManagedPolicy;
import io.atrest.scanner.inventory.NamedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's identity policies, indexed for the access matrix: each policy with the users and
 * roles it applies to, and each principal with only its statements that concern KMS. Built once
 * per account and read for every key of it; immutable.
 */
public final class IdentityIndex {
    private final String accountId;
    private final List<IdentityPolicy> policies;
    private final Map<String, PrincipalPolicies> principals = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private IdentityIndex(AccountIdentities identities) {
        this.accountId = identities.accountId();
        Map<String, ManagedPolicy> managed = identities.policiesByArn();
        Map<String, IamGroup> groups = identities.groupsByName();
        Map<String, IdentityPolicy> byId = new LinkedHashMap<>();
        for (IamPrincipal p : identities.principals()) {
            List<PolicyStatement> allows = new ArrayList<>();
            List<PolicyStatement> denies = new ArrayList<>();
            for (NamedPolicy inline : p.inlinePolicies()) {
                IdentityPolicy policy = hold(byId, IdentityPolicy.inlineId(p.arn(), inline.name()), inline.name(),
                        IdentityPolicy.Source.INLINE, inline.document(), p.arn());
                read(policy, allows, denies);
            }
            for (String arn : p.attachedPolicies()) {
                read(holdManaged(byId, managed, arn, p.arn()), allows, denies);
            }
            for (String groupName : p.groups()) {
                IamGroup group = groups.get(groupName);
                if (group == null) {
                    notes.add("group " + groupName + " of " + p.arn() + " was not in the IAM walk");
                    continue;
                }
                for (NamedPolicy inline : group.inlinePolicies()) {
                    read(hold(byId, IdentityPolicy.inlineId(group.arn(), inline.name()), inline.name(), IdentityPolicy.Source.INLINE,
                            inline.document(), p.arn()), allows, denies);
                }
                for (String arn : group.attachedPolicies()) {
                    read(holdManaged(byId, managed, arn, p.arn()), allows, denies);
                }
            }
            principals.put(p.arn(), boundaryOf(p, managed, allows, denies));
        }
        this.policies = List.copyOf(byId.values());
    }

    public static IdentityIndex of(AccountIdentities identities) {
        return new IdentityIndex(identities);
    }

    public String accountId() {
        return accountId;
    }

    /** Every identity policy that applies to at least one user or role, with its holders. */
    public List<IdentityPolicy> policies() {
        return policies;
    }

    /** What the index could not read (a policy that does not parse, a group missing from the walk). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The user or role with this ARN, if the walk holds it. */
    public Optional<IamPrincipal> principalByArn(String arn) {
        return principal(arn).map(PrincipalPolicies::principal);
    }

    Optional<PrincipalPolicies> principal(String arn) {
        return Optional.ofNullable(principals.get(arn));
    }

    java.util.Collection<PrincipalPolicies> principals() {
        return principals.values();
    }

    /** The principal whose role name is {@code roleName}: a session ARN names the role without its path. */
    Optional<PrincipalPolicies> roleNamed(String roleName) {
        return principals.values().stream()
                .filter(p -> p.principal().kind() == IamPrincipal.PrincipalKind.ROLE && p.principal().name().equals(roleName))
                .findFirst();
    }

    private PrincipalPolicies boundaryOf(IamPrincipal p, Map<String, ManagedPolicy> managed, List<PolicyStatement> allows,
                                         List<PolicyStatement> denies) {
        if (p.permissionsBoundary() == null) {
            return new PrincipalPolicies(p, allows, denies, null, null);
        }
        ManagedPolicy boundary = managed.get(p.permissionsBoundary());
        if (boundary == null || boundary.document() == null) {
            return new PrincipalPolicies(p, allows, denies, List.of(), "permissions boundary " + p.permissionsBoundary() + " was not in the IAM walk");
        }
        List<PolicyStatement> bounds = new ArrayList<>();
        List<PolicyStatement> boundaryDenies = new ArrayList<>(denies);
        for (Statement s : parse(boundary.document(), boundary.arn())) {
            PolicyStatement statement = PolicyStatement.of("permissions boundary " + boundary.name(), s);
            if (!statement.actions().isEmpty()) {
                (s.allow() ? bounds : boundaryDenies).add(statement);
            }
        }
        return new PrincipalPolicies(p, allows, boundaryDenies, bounds, null);
    }

    private IdentityPolicy holdManaged(Map<String, IdentityPolicy> byId, Map<String, ManagedPolicy> managed, String arn, String holder) {
        ManagedPolicy policy = managed.get(arn);
        if (policy == null) {
            notes.add("managed policy " + arn + " of " + holder + " was not in the IAM walk");
            return hold(byId, arn, arn.substring(arn.lastIndexOf('/') + 1), IdentityPolicy.Source.CUSTOMER_MANAGED, null, holder);
        }
        return hold(byId, arn, policy.name(), policy.awsManaged() ? IdentityPolicy.Source.AWS_MANAGED : IdentityPolicy.Source.CUSTOMER_MANAGED,
                policy.document(), holder);
    }

    private static IdentityPolicy hold(Map<String, IdentityPolicy> byId, String id, String name, IdentityPolicy.Source source,
                                       String document, String holder) {
        IdentityPolicy known = byId.get(id);
        if (known == null) {
            known = new IdentityPolicy(id, name, source, document, List.of(holder));
        } else if (!known.holders().contains(holder)) {
            List<String> holders = new ArrayList<>(known.holders());
            holders.add(holder);
            known = new IdentityPolicy(id, name, source, document, holders);
        }
        byId.put(id, known);
        return known;
    }

    private void read(IdentityPolicy policy, List<PolicyStatement> allows, List<PolicyStatement> denies) {
        if (policy.document() == null) {
            return;
        }
        String label = (policy.source() == IdentityPolicy.Source.INLINE ? "inline policy " : "policy ") + policy.name();
        for (Statement s : parse(policy.document(), policy.id())) {
            PolicyStatement statement = PolicyStatement.of(label, s);
            if (!statement.actions().isEmpty()) {
                (s.allow() ? allows : denies).add(statement);
            }
        }
    }

    private List<Statement> parse(String document, String id) {
        try {
            return PolicyDocument.parse(document).statements();
        } catch (PolicyParseException e) {
            notes.add("policy " + id + " could not be analysed: " + e.getMessage());
            return List.of();
        }
    }
}
