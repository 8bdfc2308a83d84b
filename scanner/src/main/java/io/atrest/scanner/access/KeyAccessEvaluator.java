package io.atrest.scanner.access;

import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.KeyAccessor.Reach;
import io.atrest.scanner.iam.ConditionEvaluator.Truth;
import io.atrest.scanner.iam.KeyPolicyAnalysis;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.RequestContext;
import io.atrest.scanner.iam.ResourceScope;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.IamPrincipal;
import io.atrest.scanner.inventory.IamPrincipal.PrincipalKind;
import io.atrest.scanner.inventory.KeyGrant;
import io.atrest.scanner.inventory.KmsKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out who can decrypt, administer and delete one customer key, as IAM would decide each
 * request of the account's users and roles (the "policy evaluation logic" of the IAM User Guide,
 * with KMS's rule that identity policies count only where the key policy delegates to the account):
 *
 * <pre>
 *   allowed = (key policy names the principal [and, for a role, its boundary allows]
 *              or key policy delegates to the account and an identity policy allows and the boundary allows)
 *             and every SCP level on the account's path allows
 *             and no Deny applies (key policy, identity policies, boundary, SCPs)
 * </pre>
 *
 * Each part is three-valued: a condition on what atrest cannot know (kms:ViaService, MFA, source
 * network, principal tags) leaves the principal CONDITIONAL, listed with the condition. Principals
 * of other accounts are listed CONDITIONAL on their own account's policies; grants count as access.
 * Pure: everything it reads is passed in.
 */
public final class KeyAccessEvaluator {
    /** The account a "Principal": "*" is asked about: one that no condition names. */
    private static final String SOME_OTHER_ACCOUNT = "another-account";

    private final KmsKey key;
    private final List<PolicyStatement> keyStatements;
    private final IdentityIndex identities;
    private final Guardrails guardrails;
    private final String organizationId;
    private final ResourceScope scope;
    private final Map<String, Map<KeyCapability, Term>> terms = new LinkedHashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Set<String> longTerm = new LinkedHashSet<>();

    private KeyAccessEvaluator(KmsKey key, PolicyDocument policy, IdentityIndex identities, Guardrails guardrails, String organizationId) {
        this.key = key;
        this.identities = identities;
        this.guardrails = guardrails;
        this.organizationId = organizationId;
        this.scope = ResourceScope.exactly(key.arn());
        List<PolicyStatement> statements = new ArrayList<>();
        for (Statement s : policy.statements()) {
            PolicyStatement statement = PolicyStatement.of("key policy", s);
            if (!statement.actions().isEmpty() && scope.gap(s).isEmpty()) {
                statements.add(statement);
            }
        }
        this.keyStatements = statements;
    }

    /**
     * The access matrix of a customer key.
     *
     * @param identities the key's account's identity policies; null when they could not be read
     * @param identitiesGap why they are missing (needed when {@code identities} is null)
     * @param organizationId the organization's id (aws:PrincipalOrgID of the account's principals), or null
     */
    public static KeyAccess evaluate(KmsKey key, PolicyDocument policy, IdentityIndex identities, CollectionError identitiesGap,
                                     Guardrails guardrails, String organizationId) {
        return new KeyAccessEvaluator(key, policy, identities, guardrails, organizationId).matrix(identitiesGap);
    }

    private KeyAccess matrix(CollectionError identitiesGap) {
        List<String> notes = new ArrayList<>();
        CollectionError gap = key.grants().isKnown() ? null : key.grants().error();
        if (identities != null) {
            identities.principals().forEach(this::judgePrincipal);
            notes.addAll(identities.notes());
        } else if (delegatesToAccount()) {
            gap = gap != null ? gap : identitiesGap;
            notes.add("the account's identity policies could not be read: users and roles its IAM lets in are missing");
        }
        judgeRoot();
        judgeNamedOutsiders();
        judgeGrants();
        if (guardrails.note() != null) {
            notes.add(guardrails.note());
        }
        return new KeyAccess(key.arn(), key.accountId(), accessors(), notes, gap);
    }

    private boolean delegatesToAccount() {
        return keyStatements.stream().anyMatch(s -> s.statement().allow()
                && s.statement().principal().aws().stream().anyMatch(p -> KeyPolicyAnalysis.isAccountRoot(p, key.accountId())));
    }

    /** One user or role of the key's account, for every capability. */
    private void judgePrincipal(PrincipalPolicies p) {
        IamPrincipal principal = p.principal();
        if (!mayReach(p)) {
            return;
        }
        RequestContext request = callerContext(principal.arn(), key.accountId(), principal.kind() == PrincipalKind.USER ? "User" : "AssumedRole");
        if (principal.kind() == PrincipalKind.USER) {
            request = request.with("aws:username", principal.name());
        }
        for (KeyCapability capability : KeyCapability.values()) {
            Term any = Term.NO;
            for (String action : capability.actions().names()) {
                Term decided = decide(p, action, forAction(request, action));
                any = any.or(action.equals("Decrypt") ? decided : decided.marked("kms:" + action));
            }
            record(principal.arn(), principal.kind() == PrincipalKind.USER ? Kind.USER : Kind.ROLE, capability, any);
        }
        if (principal.kind() == PrincipalKind.USER && Boolean.TRUE.equals(principal.activeAccessKeys().value())) {
            longTerm.add(principal.arn());
        }
    }

    /**
     * Whether any Allow could let the principal at this key, read from the statements' principals
     * and resources alone: most of an account's users and roles have identity policies that name
     * other keys or none, and are ruled out here before any request is modelled.
     */
    private boolean mayReach(PrincipalPolicies p) {
        boolean delegated = false;
        for (PolicyStatement s : keyStatements) {
            if (s.statement().allow()) {
                Match match = match(s.statement(), p.principal());
                if (match == Match.NAMED) {
                    return true;
                }
                delegated |= match == Match.ACCOUNT;
            }
        }
        if (!delegated) {
            return false;
        }
        for (PolicyStatement s : p.allows()) {
            if (scope.gap(s.statement()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** IAM's decision for one user or role and one action on the key. */
    private Term decide(PrincipalPolicies p, String action, RequestContext request) {
        Term named = Term.NO;
        Term account = Term.NO;
        Term denied = Term.NO;
        for (PolicyStatement s : keyStatements) {
            if (!s.covers(action)) {
                continue;
            }
            Match match = match(s.statement(), p.principal());
            if (match == Match.NONE) {
                continue;
            }
            Term term = Term.of(s.statement(), s.label(), request);
            if (!s.statement().allow()) {
                denied = denied.or(term);
            } else if (match == Match.NAMED) {
                named = named.or(term);
            } else {
                account = account.or(term);
            }
        }
        Term identity = Term.NO;
        for (PolicyStatement s : p.allows()) {
            if (s.covers(action) && scope.gap(s.statement()).isEmpty()) {
                identity = identity.or(Term.of(s.statement(), s.label(), request));
            }
        }
        for (PolicyStatement s : p.denies()) {
            if (s.covers(action) && scope.gap(s.statement()).isEmpty()) {
                denied = denied.or(Term.of(s.statement(), s.label(), request));
            }
        }
        Term boundary = boundary(p, action, request);
        // A key policy naming a user is not limited by the user's boundary; naming a role, it is (IAM User Guide, permissions boundaries).
        Term direct = named.and(p.principal().kind() == PrincipalKind.USER ? Term.YES : boundary);
        Term delegated = account.and(identity).and(boundary);
        return direct.or(delegated).and(guardrails.allow(action, scope, request))
                .unless(denied.or(guardrails.deny(action, scope, request)));
    }

    private Term boundary(PrincipalPolicies p, String action, RequestContext request) {
        if (p.boundary() == null) {
            return Term.YES;
        }
        if (p.boundaryUnread() != null) {
            return Term.maybe(p.boundaryUnread(), "the permissions boundary allows kms:" + action);
        }
        Term allows = Term.NO;
        for (PolicyStatement s : p.boundary()) {
            if (s.covers(action) && scope.gap(s.statement()).isEmpty()) {
                allows = allows.or(Term.of(s.statement(), s.label(), request));
            }
        }
        return new Term(allows.truth(), List.of(), allows.conditions()); // a boundary only limits: it is no reason for access
    }

    private enum Match { NONE, NAMED, ACCOUNT }

    /** How a key policy statement's principal takes in one user or role of the key's account. */
    private Match match(Statement s, IamPrincipal principal) {
        List<String> listed = s.principal().aws();
        if (s.notPrincipal()) {
            return listed.contains(principal.arn()) || listed.stream().anyMatch(v -> KeyPolicyAnalysis.isAccountRoot(v, key.accountId()))
                    ? Match.NONE : Match.NAMED;
        }
        if (s.principal().everyone()) {
            return Match.NAMED;
        }
        Match best = Match.NONE;
        for (String value : listed) {
            if (value.equals(principal.arn()) || principal.kind() == PrincipalKind.ROLE && sessionOf(value, principal.name())) {
                return Match.NAMED;
            }
            if (KeyPolicyAnalysis.isAccountRoot(value, key.accountId())) {
                best = s.allow() ? Match.ACCOUNT : Match.NAMED; // a Deny naming the account binds everyone in it
            }
        }
        return best;
    }

    /** "arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION": a session of the role named NAME. */
    private boolean sessionOf(String value, String roleName) {
        String prefix = ":sts::" + key.accountId() + ":assumed-role/" + roleName + "/";
        return value.startsWith("arn:") && value.contains(prefix);
    }

    /** The account's root user: the key policy's delegation to the account lets it in; SCPs still bind it. */
    private void judgeRoot() {
        String rootArn = "arn:" + partition() + ":iam::" + key.accountId() + ":root";
        RequestContext request = callerContext(rootArn, key.accountId(), "Account");
        for (KeyCapability capability : KeyCapability.values()) {
            Term any = Term.NO;
            for (String action : capability.actions().names()) {
                RequestContext asked = forAction(request, action);
                KeyPolicyTerms terms = keyPolicy(action, asked, this::appliesToRoot);
                any = any.or(terms.allowed().and(guardrails.allow(action, scope, asked))
                        .unless(terms.denied().or(guardrails.deny(action, scope, asked))));
            }
            record(rootArn, Kind.ACCOUNT_ROOT, capability, any);
        }
    }

    /** What the key policy alone says of one action, for the statements {@code applies} takes in: its Allows and its Denies. */
    private record KeyPolicyTerms(Term allowed, Term denied) {}

    private KeyPolicyTerms keyPolicy(String action, RequestContext asked, java.util.function.Predicate<Statement> applies) {
        Term allowed = Term.NO;
        Term denied = Term.NO;
        for (PolicyStatement s : keyStatements) {
            if (s.covers(action) && applies.test(s.statement())) {
                Term term = Term.of(s.statement(), s.label(), asked);
                if (s.statement().allow()) {
                    allowed = allowed.or(term);
                } else {
                    denied = denied.or(term);
                }
            }
        }
        return new KeyPolicyTerms(allowed, denied);
    }

    private boolean appliesToRoot(Statement s) {
        boolean listed = s.principal().aws().stream().anyMatch(v -> KeyPolicyAnalysis.isAccountRoot(v, key.accountId()));
        return s.notPrincipal() ? !listed : listed || s.principal().everyone();
    }

    /**
     * Principals the key policy names outside what the IAM walk holds: other accounts and their
     * principals, "*", and principals of the key's account the walk did not see.
     */
    private void judgeNamedOutsiders() {
        Set<String> named = new LinkedHashSet<>();
        for (PolicyStatement s : keyStatements) {
            if (s.statement().allow()) {
                named.addAll(s.statement().principal().aws());
                if (s.statement().notPrincipal() || s.statement().principal().everyone()) {
                    named.add("*");
                }
            }
        }
        for (String principal : named) {
            if (KeyPolicyAnalysis.isAccountRoot(principal, key.accountId()) || identities != null && identities.principal(principal).isPresent()
                    || identities != null && sessionOfKnownRole(principal)) {
                continue;
            }
            judgeOutsider(principal);
        }
    }

    private boolean sessionOfKnownRole(String principal) {
        String marker = ":sts::" + key.accountId() + ":assumed-role/";
        int at = principal.indexOf(marker);
        if (at < 0) {
            return false;
        }
        String rest = principal.substring(at + marker.length());
        int slash = rest.indexOf('/');
        return identities.roleNamed(slash < 0 ? rest : rest.substring(0, slash)).isPresent();
    }

    private void judgeOutsider(String principal) {
        boolean anyone = principal.equals("*");
        String account = anyone ? SOME_OTHER_ACCOUNT : accountOf(principal);
        boolean own = key.accountId().equals(account);
        boolean wholeAccount = !anyone && (principal.equals(account) || principal.endsWith(":root"));
        RequestContext request = callerContext(anyone || wholeAccount ? null : principal, account, null);
        Kind kind = anyone ? Kind.ANYONE : own ? ownKind(principal) : Kind.EXTERNAL;
        for (KeyCapability capability : KeyCapability.values()) {
            Term any = Term.NO;
            for (String action : capability.actions().names()) {
                KeyPolicyTerms terms = keyPolicy(action, forAction(request, action), s -> namesOutsider(s, principal));
                any = any.or(terms.allowed().unless(terms.denied()));
            }
            if (!any.isFalse() && !own) {
                any = any.and(Term.maybe("key policy", anyone ? "the caller's own account's policies allow it"
                        : "an identity policy in account " + account + " allows it"));
            }
            record(principal, kind, capability, any);
        }
    }

    private boolean namesOutsider(Statement s, String principal) {
        List<String> listed = s.principal().aws();
        if (s.notPrincipal()) {
            return !listed.contains(principal);
        }
        return s.principal().everyone() || listed.contains(principal);
    }

    private static Kind ownKind(String principal) {
        return principal.contains(":user/") ? Kind.USER : Kind.ROLE;
    }

    /** The account of "123456789012", "arn:aws:iam::123456789012:role/x" or an STS session ARN. */
    private static String accountOf(String principal) {
        if (!principal.startsWith("arn:")) {
            return principal;
        }
        String[] parts = principal.split(":", 6);
        return parts.length > 4 ? parts[4] : principal;
    }

    /** Grants: a grantee may use the key for the grant's operations, without the key policy or IAM. */
    private void judgeGrants() {
        if (!key.grants().isPresent()) {
            return;
        }
        for (KeyGrant grant : key.grants().value()) {
            boolean decrypts = grant.operations().stream().anyMatch(op -> KeyCapability.DECRYPT.actions().contains(op));
            if (!decrypts || grant.grantee() == null) {
                continue;
            }
            String via = "grant " + grant.grantId();
            Term term = grant.constrained() ? Term.maybe(via, "the encryption context matches the grant's constraints") : Term.yes(via);
            record(granteePrincipal(grant.grantee()), granteeKind(grant.grantee()), KeyCapability.DECRYPT, term);
        }
    }

    /** A session grantee stands for its role. */
    private String granteePrincipal(String grantee) {
        if (identities != null && grantee.contains(":assumed-role/")) {
            String role = grantee.substring(grantee.indexOf(":assumed-role/") + ":assumed-role/".length());
            int slash = role.indexOf('/');
            return identities.roleNamed(slash < 0 ? role : role.substring(0, slash)).map(p -> p.principal().arn()).orElse(grantee);
        }
        return grantee;
    }

    private Kind granteeKind(String grantee) {
        if (!grantee.startsWith("arn:")) {
            return grantee.endsWith(".amazonaws.com") ? Kind.SERVICE : Kind.EXTERNAL;
        }
        if (!key.accountId().equals(accountOf(grantee))) {
            return Kind.EXTERNAL;
        }
        return grantee.contains(":user/") ? Kind.USER : Kind.ROLE;
    }

    /** What atrest knows of a request by {@code principalArn} (null: some principal of the account). */
    private RequestContext callerContext(String principalArn, String callerAccount, String principalType) {
        RequestContext request = RequestContext.empty()
                .with("aws:PrincipalAccount", callerAccount)
                .with("kms:CallerAccount", callerAccount)
                .with("aws:ResourceAccount", key.accountId())
                .with("aws:RequestedRegion", key.region())
                .with("aws:PrincipalIsAWSService", "false");
        if (principalArn != null) {
            request = request.with("aws:PrincipalArn", principalArn);
        }
        if (principalType != null) {
            request = request.with("aws:PrincipalType", principalType);
        }
        if (organizationId != null && key.accountId().equals(callerAccount)) {
            request = request.with("aws:PrincipalOrgID", organizationId);
        }
        if (key.tags().isPresent()) {
            for (Map.Entry<String, String> tag : key.tags().value().entrySet()) {
                request = request.with("aws:ResourceTag/" + tag.getKey(), tag.getValue());
            }
        }
        return key.aliases().isEmpty() ? request.without("kms:ResourceAliases")
                : request.with("kms:ResourceAliases", key.aliases().toArray(String[]::new));
    }

    /** CreateGrant counts as decrypting only when the caller can grant itself: not a grant for an AWS resource. */
    private static RequestContext forAction(RequestContext request, String action) {
        return action.equals("CreateGrant") ? request.with("kms:GrantIsForAWSResource", "false") : request;
    }

    private String partition() {
        return key.arn().startsWith("arn:") ? key.arn().split(":", 3)[1] : "aws";
    }

    private void record(String principal, Kind kind, KeyCapability capability, Term term) {
        if (term.isFalse()) {
            return;
        }
        kinds.putIfAbsent(principal, kind);
        terms.computeIfAbsent(principal, k -> new java.util.EnumMap<>(KeyCapability.class)).merge(capability, term, Term::or);
    }

    private List<KeyAccessor> accessors() {
        List<KeyAccessor> all = new ArrayList<>();
        terms.forEach((principal, byCapability) -> byCapability.forEach((capability, term) -> all.add(new KeyAccessor(principal,
                kinds.get(principal), capability, term.truth() == Truth.TRUE ? Reach.ALLOWED : Reach.CONDITIONAL, term.via(),
                term.truth() == Truth.TRUE ? List.of() : term.conditions(), longTerm.contains(principal)))));
        all.sort(Comparator.comparing(KeyAccessor::capability).thenComparing(KeyAccessor::kind).thenComparing(KeyAccessor::principal));
        return all;
    }
}
