package io.atrest.scanner.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.access.KeyAccessor.Kind;
import io.atrest.scanner.access.KeyAccessor.Reach;
import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.iam.IamKmsLeastPrivilege;
import io.atrest.scanner.check.kms.KmsAdminCanDecrypt;
import io.atrest.scanner.check.kms.KmsDecryptPrincipals;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeOrganization;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.org.OrganizationScanner;
import io.atrest.scanner.org.ScanOptions;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.sink.InMemorySink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access matrix and the three checks on it, over the SDK fakes: an organization scanned as the
 * nightly job scans it (IAM walked in pages, documents URL-encoded, grants listed, SCPs read), then
 * evaluated. One member account holds a restricted bucket under a key whose policy delegates to the
 * account, and identities that grant narrowly, widely, on a condition, through a group, behind a
 * boundary, under an explicit deny, by a grant, and from another account.
 */
class KeyAccessOverFakesTest {
    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String PARTNER = "333333333333";
    static final String REGION = "eu-west-1";
    static final String KEY = "arn:aws:kms:eu-west-1:" + MEMBER + ":key/payroll";
    static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/";
    static final String USER = "arn:aws:iam::" + MEMBER + ":user/";

    private final CallLog log = new CallLog();
    private final FakeAccount management = new FakeAccount(MANAGEMENT);
    private final FakeAccount member = new FakeAccount(MEMBER);
    private final FakeOrganization organization = new FakeOrganization(MANAGEMENT, log, 2)
            .ou("ou-prod", "Prod", FakeOrganization.ROOT)
            .account(MANAGEMENT, "management", "ACTIVE", FakeOrganization.ROOT, Map.of())
            .account(MEMBER, "payroll", "ACTIVE", "ou-prod", Map.of())
            .scp("p-full", "FullAWSAccess", "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
                    FakeOrganization.ROOT, "ou-prod", MEMBER)
            .scp("p-keys", "ProtectKeys", """
                    {"Statement":{"Effect":"Deny","Action":"kms:ScheduleKeyDeletion","Resource":"*",
                     "Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/BreakGlass"}}}}""", "ou-prod");

    KeyAccessOverFakesTest() {
        member.enabledRegions.retainAll(List.of(REGION));
        management.enabledRegions.retainAll(List.of(REGION));
        member.key(REGION, "payroll").alias("alias/payroll").policy = """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"kms:*","Resource":"*"},
                 {"Sid":"KeyAdmins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/KeyAdmin"},
                  "Action":["kms:Create*","kms:Describe*","kms:Put*","kms:ScheduleKeyDeletion","kms:CancelKeyDeletion"],"Resource":"*"},
                 {"Sid":"Attach","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/Attacher"},"Action":"kms:CreateGrant",
                  "Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}},
                 {"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:root"},"Action":"kms:Decrypt","Resource":"*"},
                 {"Sid":"NoContractors","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::222222222222:role/Contractor"},"Action":"kms:*","Resource":"*"}]}""";
        member.keys.get(0).grant(ROLE + "Batch", false, "Decrypt", "GenerateDataKey")
                .grant("s3.eu-west-1.amazonaws.com", true, "Decrypt");
        member.bucket("payroll-exports", REGION).kms(KEY).tags(Map.of("DataClassification", "restricted"));
        identities(member.iam);
    }

    private static void identities(FakeAccount.Iam iam) {
        iam.role("App").inline("read-payroll", allow("kms:Decrypt", "\"" + KEY + "\"", null));
        iam.role("Analyst").attach(iam.policy("kms-via-s3", allow("kms:Decrypt", "\"*\"",
                "{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}")));
        iam.role("Admin").attach(iam.awsPolicy("AdministratorAccess", allow("*", "\"*\"", null)));
        String boundary = iam.policy("s3-only", allow("s3:*", "\"*\"", null));
        iam.role("Ops").inline("ops-kms", allow("kms:*", "\"*\"", null)).boundary(boundary);
        iam.role("Contractor").inline("contractor-kms", allow("kms:Decrypt", "\"" + KEY + "\"", null));
        iam.role("KeyAdmin");
        iam.role("Attacher");
        iam.role("Batch");
        iam.group("readers").inline("read-payroll", allow("kms:Decrypt", "\"arn:aws:kms:eu-west-1:222222222222:key/*\"", null));
        iam.user("alice").inGroup("readers").accessKey("Active");
        iam.user("bob").inGroup("readers").accessKey("Inactive")
                .inline("no-kms", "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
    }

    private static String allow(String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":"
                + resource + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private Inventory scan() {
        InMemorySink sink = new InMemorySink();
        Map<String, FakeAccount> world = Map.of(MANAGEMENT, management, MEMBER, member);
        new OrganizationScanner(organization, MANAGEMENT, id -> new FakeAccountClients(world.get(id), log, 2), "us-east-1",
                new ScanOptions(Set.of(), Set.of(), List.of(), 2))
                .scan(Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC), sink);
        return sink.whole();
    }

    private static Evaluation evaluate(Inventory inventory) {
        return new Evaluation(inventory, ClassificationPolicy.defaults(), Instant.parse("2026-12-05T03:00:00Z"));
    }

    private static KeyAccess access(Evaluation evaluation) {
        KmsKey key = evaluation.inventory().keys().stream().filter(k -> k.arn().equals(KEY)).findFirst().orElseThrow();
        return evaluation.keyAccess(key).orElseThrow();
    }

    private static KeyAccessor accessor(KeyAccess access, String principal, KeyCapability capability) {
        return access.with(capability).stream().filter(a -> a.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new AssertionError(principal + " cannot " + capability.label() + ": " + access.with(capability)));
    }

    private static Finding finding(Evaluation evaluation, Check check, String resourceId) {
        return check.evaluate(evaluation).stream().filter(f -> f.resource().arn().equals(resourceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + check.info().id() + " on " + resourceId));
    }

    @Test
    void collectsTheIdentitiesOnceAndDecodesTheirPolicies() {
        Inventory inventory = scan();

        assertThat(inventory.identities()).extracting(i -> i.accountId()).containsExactlyInAnyOrder(MANAGEMENT, MEMBER);
        var identities = inventory.identities().stream().filter(i -> i.accountId().equals(MEMBER)).findFirst().orElseThrow();
        assertThat(identities.principals()).hasSize(10);
        assertThat(identities.principals().stream().filter(p -> p.name().equals("App")).findFirst().orElseThrow()
                .inlinePolicies().get(0).document()).startsWith("{\"Version\":\"2012-10-17\"").contains(KEY);
        assertThat(identities.policiesByArn().get("arn:aws:iam::" + MEMBER + ":policy/kms-via-s3").document())
                .contains("\"Resource\":\"*\"").contains("kms:ViaService");
        // IAM is global: one walk per account (in pages of two), not one per region
        assertThat(log.calls().stream().filter(c -> c.equals("Iam:GetAccountAuthorizationDetails")).count()).isGreaterThan(2);
        assertThat(log.calls()).contains("Iam:ListAccessKeys", "Kms:ListGrants");
        assertThat(inventory.keys().stream().filter(k -> k.arn().equals(KEY)).findFirst().orElseThrow().grants().value())
                .extracting(g -> g.grantee()).containsExactly(ROLE + "Batch", "s3.eu-west-1.amazonaws.com");
    }

    @Test
    void theMatrixJoinsKeyPolicyIdentityPoliciesBoundariesDeniesGrantsAndScps() {
        KeyAccess access = access(evaluate(scan()));

        assertThat(access.complete()).isTrue();
        assertThat(accessor(access, ROLE + "App", KeyCapability.DECRYPT).reach()).isEqualTo(Reach.ALLOWED);
        KeyAccessor analyst = accessor(access, ROLE + "Analyst", KeyCapability.DECRYPT);
        assertThat(analyst.reach()).isEqualTo(Reach.CONDITIONAL);
        assertThat(analyst.conditions()).anyMatch(c -> c.contains("kms:viaservice") && c.contains("s3.eu-west-1.amazonaws.com"));
        assertThat(accessor(access, ROLE + "Admin", KeyCapability.DECRYPT).reach()).isEqualTo(Reach.ALLOWED);
        assertThat(accessor(access, ROLE + "Admin", KeyCapability.ADMINISTER).reach()).isEqualTo(Reach.ALLOWED);
        KeyAccessor alice = accessor(access, USER + "alice", KeyCapability.DECRYPT);
        assertThat(alice.longTermCredentials()).isTrue();
        assertThat(alice.via()).anyMatch(v -> v.contains("read-payroll"));
        assertThat(accessor(access, ROLE + "Batch", KeyCapability.DECRYPT).via()).containsExactly("grant grant-1");
        assertThat(accessor(access, "s3.eu-west-1.amazonaws.com", KeyCapability.DECRYPT).kind()).isEqualTo(Kind.SERVICE);
        KeyAccessor partner = accessor(access, "arn:aws:iam::" + PARTNER + ":root", KeyCapability.DECRYPT);
        assertThat(partner.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(partner.reach()).isEqualTo(Reach.CONDITIONAL);
        assertThat(partner.conditions()).anyMatch(c -> c.contains("account " + PARTNER));
        assertThat(accessor(access, ROLE + "KeyAdmin", KeyCapability.ADMINISTER).via()).anyMatch(v -> v.contains("KeyAdmins"));

        // kms:Create* lets the key administrator grant itself decryption; a grant only for AWS resources does not
        assertThat(accessor(access, ROLE + "KeyAdmin", KeyCapability.DECRYPT).via()).containsExactly("key policy KeyAdmins [kms:CreateGrant]");
        // the boundary removes Ops's kms:*, an explicit deny removes the contractor and bob
        assertThat(access.principalsWith(KeyCapability.DECRYPT)).doesNotContain(ROLE + "Ops", ROLE + "Contractor", USER + "bob",
                ROLE + "Attacher");
        assertThat(access.reaches(ROLE + "Ops")).isFalse();
        // the SCP takes ScheduleKeyDeletion from everyone but a BreakGlass role, root user included
        assertThat(access.principalsWith(KeyCapability.DELETE)).isEmpty();
        assertThat(access.principalsWith(KeyCapability.ADMINISTER)).contains(ROLE + "Admin", ROLE + "KeyAdmin",
                "arn:aws:iam::" + MEMBER + ":root");
    }

    @Test
    void theChecksJudgeTheMatrix() {
        Evaluation evaluation = evaluate(scan());

        Finding decryptors = finding(evaluation, new KmsDecryptPrincipals(), KEY);
        assertThat(decryptors.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decryptors.message()).contains("IAM user(s) with long-term credentials");
        assertThat(decryptors.evidence().get("usersWithAccessKeys")).contains(USER + "alice").doesNotContain("bob");
        assertThat(decryptors.evidence().get("count")).isEqualTo("7"); // App, Analyst, Admin, KeyAdmin, alice, Batch, the partner

        Finding duties = finding(evaluation, new KmsAdminCanDecrypt(), KEY);
        assertThat(duties.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(duties.evidence().get("principals")).contains(ROLE + "Admin", ROLE + "KeyAdmin").doesNotContain("App");
        assertThat(duties.evidence().get("access")).contains("decrypt: " + ROLE + "KeyAdmin via key policy KeyAdmins [kms:CreateGrant]");

        Check leastPrivilege = new IamKmsLeastPrivilege();
        assertThat(finding(evaluation, leastPrivilege, "arn:aws:iam::" + MEMBER + ":policy/kms-via-s3").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(leastPrivilege.evaluate(evaluation)).as("a policy naming its key is no finding")
                .noneMatch(f -> f.resource().arn().equals(ROLE + "App#inline-policy/read-payroll"));
        Finding bounded = finding(evaluation, leastPrivilege, ROLE + "Ops#inline-policy/ops-kms");
        assertThat(bounded.outcome()).isEqualTo(Outcome.PASS);
        assertThat(bounded.message()).contains("none of its principals reaches");
        Finding group = finding(evaluation, leastPrivilege, "arn:aws:iam::" + MEMBER + ":group/readers#inline-policy/read-payroll");
        assertThat(group.outcome()).isEqualTo(Outcome.FAIL); // key/* is every key of the region
        assertThat(group.evidence().get("principals")).contains(USER + "alice");
        assertThat(leastPrivilege.evaluate(evaluation)).noneMatch(f -> f.resource().arn().contains("AdministratorAccess"));
    }

    @Test
    void aKeyThatNamesItsPrincipalsNeedsNoIdentityPolicies() {
        member.keys.get(0).policy = """
                {"Statement":[{"Sid":"App","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/App"},"Action":"kms:Decrypt","Resource":"*"},
                 {"Sid":"Admins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/KeyAdmin"},"Action":"kms:PutKeyPolicy","Resource":"*"}]}""";
        member.keys.get(0).grants.clear();
        log.fail("Iam:GetAccountAuthorizationDetails@" + MEMBER, "AccessDenied", 403);
        Evaluation evaluation = evaluate(scan());

        KeyAccess access = access(evaluation);
        assertThat(access.complete()).isTrue(); // no delegation to the account: the missing IAM walk hides nobody
        assertThat(access.principalsWith(KeyCapability.DECRYPT)).containsExactly(ROLE + "App");
        assertThat(finding(evaluation, new KmsDecryptPrincipals(), KEY).outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding(evaluation, new KmsAdminCanDecrypt(), KEY).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aFailedIamWalkOrGrantListingIsNotEvaluatedNeverAPass() {
        log.fail("Iam:GetAccountAuthorizationDetails@" + MEMBER, "Throttling", 400);
        Evaluation walkFailed = evaluate(scan());
        assertThat(finding(walkFailed, new KmsDecryptPrincipals(), KEY).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(finding(walkFailed, new KmsAdminCanDecrypt(), KEY).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        Finding account = finding(walkFailed, new IamKmsLeastPrivilege(), "AWS::::Account:" + MEMBER);
        assertThat(account.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(account.failedOperation()).isEqualTo("iam:GetAccountAuthorizationDetails");

        CallLog grantsLog = new CallLog().fail("Kms:ListGrants", "AccessDeniedException", 400);
        InMemorySink sink = new InMemorySink();
        Map<String, FakeAccount> world = Map.of(MANAGEMENT, management, MEMBER, member);
        new OrganizationScanner(organization, MANAGEMENT, id -> new FakeAccountClients(world.get(id), grantsLog, 2), "us-east-1",
                new ScanOptions(Set.of(), Set.of(), List.of(), 2)).scan(Clock.systemUTC(), sink);
        Finding grantsUnread = finding(evaluate(sink.whole()), new KmsDecryptPrincipals(), KEY);
        assertThat(grantsUnread.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(grantsUnread.failedOperation()).isEqualTo("kms:ListGrants");
    }
}
