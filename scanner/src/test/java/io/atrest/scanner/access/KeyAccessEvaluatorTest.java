package io.atrest.scanner.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.KeyAccessor.Reach;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountIdentities;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.IamPrincipal;
import io.atrest.scanner.inventory.IamPrincipal.PrincipalKind;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.ManagedPolicy;
import io.atrest.scanner.inventory.NamedPolicy;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IAM's evaluation rules, one at a time, on hand-built identities: the corners the scenario over the fakes does not reach. */
class KeyAccessEvaluatorTest {
    static final String ACCOUNT = "123456789012";
    static final String KEY = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k1";
    static final String ROOT = "{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/no-kms";

    private static KmsKey key(Map<String, String> tags) {
        return new KmsKey(ACCOUNT, "eu-west-1", "k1", KEY, List.of("alias/payroll"), KeyManager.CUSTOMER, KeyState.ENABLED,
                KeyOrigin.AWS_KMS, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", false, Instant.EPOCH, null, null, Observed.of(true),
                Observed.of("{}"), Observed.of(tags), Observed.of(List.of()));
    }

    private static PolicyDocument policy(String... statements) {
        return PolicyDocument.parse("{\"Statement\":[" + String.join(",", statements) + "]}");
    }

    private static String allow(String action, String resource, String condition) {
        return "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}}";
    }

    private static IamPrincipal principal(PrincipalKind kind, String name, String boundary, String inlineDocument) {
        String arn = "arn:aws:iam::" + ACCOUNT + ":" + (kind == PrincipalKind.USER ? "user/" : "role/") + name;
        return new IamPrincipal(arn, kind, name, inlineDocument == null ? List.of() : List.of(new NamedPolicy("p", inlineDocument)),
                List.of(), List.of(), boundary, Observed.of(false));
    }

    private static IdentityIndex identities(IamPrincipal... principals) {
        return IdentityIndex.of(new AccountIdentities(ACCOUNT, List.of(principals), List.of(),
                List.of(new ManagedPolicy(BOUNDARY, "no-kms", false, allow("s3:*", "*", null)))));
    }

    private static KeyAccess evaluate(PolicyDocument policy, IdentityIndex identities) {
        return KeyAccessEvaluator.evaluate(key(Map.of()), policy, identities, null, Guardrails.none(), "o-test");
    }

    private static Reach decrypt(KeyAccess access, String name) {
        return access.with(KeyCapability.DECRYPT).stream().filter(a -> a.principal().endsWith("/" + name)).map(KeyAccessor::reach)
                .findFirst().orElse(null);
    }

    @Test
    void aBoundaryLimitsARoleTheKeyPolicyNamesButNotAUser() {
        String names = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::" + ACCOUNT + ":role/Bounded\",\"arn:aws:iam::"
                + ACCOUNT + ":user/bounded\"]},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}";
        KeyAccess access = evaluate(policy(names), identities(principal(PrincipalKind.ROLE, "Bounded", BOUNDARY, null),
                principal(PrincipalKind.USER, "bounded", BOUNDARY, null)));

        assertThat(decrypt(access, "Bounded")).isNull();
        assertThat(decrypt(access, "bounded")).isEqualTo(Reach.ALLOWED);
    }

    @Test
    void identityPoliciesCountOnlyWhereTheKeyPolicyDelegatesToTheAccount() {
        IamPrincipal wide = principal(PrincipalKind.ROLE, "Wide", null, allow("kms:*", "*", null));

        assertThat(decrypt(evaluate(policy(ROOT), identities(wide)), "Wide")).isEqualTo(Reach.ALLOWED);
        assertThat(evaluate(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":role/Other\"},"
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"), identities(wide)).reaches(wide.arn())).isFalse();
        IamPrincipal otherKey = principal(PrincipalKind.ROLE, "OtherKey", null,
                allow("kms:Decrypt", "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k2", null));
        assertThat(decrypt(evaluate(policy(ROOT), identities(otherKey)), "OtherKey")).isNull();
    }

    @Test
    void unsettledConditionsLeaveAPrincipalConditionalAndKnownOnesAreSettled() {
        IamPrincipal mfa = principal(PrincipalKind.ROLE, "Mfa", null,
                allow("kms:Decrypt", "*", "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"));
        IamPrincipal tagged = principal(PrincipalKind.ROLE, "Tagged", null,
                allow("kms:Decrypt", "*", "{\"StringEquals\":{\"aws:ResourceTag/team\":\"payroll\"}}"));
        IamPrincipal otherTeam = principal(PrincipalKind.ROLE, "OtherTeam", null,
                allow("kms:Decrypt", "*", "{\"StringEquals\":{\"aws:ResourceTag/team\":\"growth\"}}"));
        IamPrincipal aliased = principal(PrincipalKind.ROLE, "Aliased", null,
                allow("kms:Decrypt", "*", "{\"ForAnyValue:StringLike\":{\"kms:ResourceAliases\":\"alias/payroll*\"}}"));
        KeyAccess access = KeyAccessEvaluator.evaluate(key(Map.of("team", "payroll")), policy(ROOT),
                identities(mfa, tagged, otherTeam, aliased), null, Guardrails.none(), "o-test");

        KeyAccessor conditional = access.with(KeyCapability.DECRYPT).stream().filter(a -> a.principal().endsWith("/Mfa")).findFirst().orElseThrow();
        assertThat(conditional.reach()).isEqualTo(Reach.CONDITIONAL);
        assertThat(conditional.conditions()).containsExactly("Bool aws:multifactorauthpresent [true]");
        assertThat(decrypt(access, "Tagged")).isEqualTo(Reach.ALLOWED);
        assertThat(decrypt(access, "OtherTeam")).isNull();
        assertThat(decrypt(access, "Aliased")).isEqualTo(Reach.ALLOWED);
    }

    @Test
    void aDenyOnAnUnsettledConditionLeavesTheAccessConditional() {
        String denyWithoutMfa = "{\"Sid\":\"MfaOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}";
        KeyAccess access = evaluate(policy(ROOT, denyWithoutMfa), identities(principal(PrincipalKind.ROLE, "App", null, allow("kms:Decrypt", KEY, null))));

        KeyAccessor app = access.with(KeyCapability.DECRYPT).stream().filter(a -> a.principal().endsWith("/App")).findFirst().orElseThrow();
        assertThat(app.reach()).isEqualTo(Reach.CONDITIONAL);
        assertThat(app.conditions()).anyMatch(c -> c.startsWith("not denied by key policy MfaOnly"));
    }

    @Test
    void everyoneNarrowedToTheAccountIsNotAnyone() {
        String callers = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"" + ACCOUNT + "\"}}}";
        KeyAccess narrowed = evaluate(policy(callers), identities(principal(PrincipalKind.ROLE, "Any", null, null)));
        assertThat(decrypt(narrowed, "Any")).isEqualTo(Reach.ALLOWED);
        assertThat(narrowed.accessors()).noneMatch(a -> a.kind() == Kind.ANYONE);

        KeyAccess open = evaluate(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"),
                identities());
        KeyAccessor anyone = open.with(KeyCapability.DECRYPT).stream().filter(a -> a.kind() == Kind.ANYONE).findFirst().orElseThrow();
        assertThat(anyone.reach()).isEqualTo(Reach.CONDITIONAL);
    }

    @Test
    void anUnreadBoundaryOrIamWalkIsSaidNotGuessed() {
        IamPrincipal unread = principal(PrincipalKind.ROLE, "Unread", "arn:aws:iam::" + ACCOUNT + ":policy/missing", allow("kms:Decrypt", "*", null));
        KeyAccessor conditional = evaluate(policy(ROOT), identities(unread)).with(KeyCapability.DECRYPT).stream()
                .filter(a -> a.principal().endsWith("/Unread")).findFirst().orElseThrow();
        assertThat(conditional.reach()).isEqualTo(Reach.CONDITIONAL);
        assertThat(conditional.conditions()).containsExactly("the permissions boundary allows kms:Decrypt");

        CollectionError walk = new CollectionError(ACCOUNT, "us-east-1", "iam", "GetAccountAuthorizationDetails", ErrorReason.THROTTLED,
                "Throttling", "slow down", null);
        KeyAccess missing = KeyAccessEvaluator.evaluate(key(Map.of()), policy(ROOT), null, walk, Guardrails.none(), null);
        assertThat(missing.complete()).isFalse();
        assertThat(missing.gap()).isEqualTo(walk);
    }

    @Test
    void everyScpLevelMustAllowAndTheManagementAccountIsNotBound() {
        Account member = new Account(ACCOUNT, "m", "m@example.com", "ACTIVE", List.of("Prod"), Map.of(), List.of("r-root", "ou-prod"));
        String full = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        String s3Only = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";
        IdentityIndex admin = identities(principal(PrincipalKind.ROLE, "Admin", null, allow("*", "*", null)));
        Guardrails allowList = Guardrails.of(member, List.of(new ServiceControlPolicy("p-1", "arn:p-1", "Full", true, full, List.of("r-root", ACCOUNT)),
                new ServiceControlPolicy("p-2", "arn:p-2", "S3Only", false, s3Only, List.of("ou-prod"))));

        KeyAccess bound = KeyAccessEvaluator.evaluate(key(Map.of()), policy(ROOT), admin, null, allowList, "o-test");
        assertThat(bound.reaches("arn:aws:iam::" + ACCOUNT + ":role/Admin")).isFalse();
        KeyAccess free = KeyAccessEvaluator.evaluate(key(Map.of()), policy(ROOT), admin, null, Guardrails.none(), "o-test");
        assertThat(decrypt(free, "Admin")).isEqualTo(Reach.ALLOWED);
    }
}
