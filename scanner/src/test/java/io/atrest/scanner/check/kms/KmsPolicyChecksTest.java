package io.atrest.scanner.check.kms;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Check;
import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PASS, FAIL, NOT_APPLICABLE and NOT_EVALUATED for each KMS check beyond rotation and pending deletion in use. */
class KmsPolicyChecksTest {
    private static final String ROOT = """
            {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}""";
    private static final String ADMIN_MFA = """
            {"Sid":"Admins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/KeyAdmin"},
             "Action":["kms:Create*","kms:Describe*","kms:Enable*","kms:List*","kms:Put*","kms:Update*","kms:Revoke*","kms:Disable*",
                       "kms:Get*","kms:Delete*","kms:ScheduleKeyDeletion","kms:CancelKeyDeletion"],"Resource":"*",
             "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""";
    private static final String APP_VIA_S3 = """
            {"Sid":"App","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/App"},
             "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*"],"Resource":"*",
             "Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}""";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static KmsKey key(String id, KeyState state, Observed<String> policy) {
        KmsKey k = Scene.customerKey(id, state, Observed.of(true));
        return new KmsKey(k.accountId(), k.region(), id, k.arn(), k.aliases(), k.manager(), state, k.origin(), k.keySpec(),
                k.keyUsage(), false, k.createdAt(), k.deletionDate(), null, k.rotationEnabled(), policy, k.tags());
    }

    private static KmsKey withPolicy(String id, String json) {
        return key(id, KeyState.ENABLED, Observed.of(json));
    }

    private static S3Bucket storeOf(String name, String keyId, String level) {
        return bucket(name, Scene.kms("arn:aws:kms:eu-west-1:123456789012:key/" + keyId), level);
    }

    private static final Observed<String> DENIED = Observed.failed(Scene.denied("kms", "GetKeyPolicy", "k"));

    @Test
    void policyNotPublic() {
        Check check = new KmsPolicyNotPublic();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA))).finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding open = new Scene().with(withPolicy("k", policy(ROOT, """
                {"Sid":"Everyone","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}"""))).finding(check, "alias/k");
        assertThat(open.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(open.evidence().get("statements")).contains("Everyone");
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, """
                {"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"123456789012"}}}""")))
                .finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        assertThat(new Scene().with(Scene.awsManagedKey("aws", "alias/aws/s3")).finding(check, "alias/aws/s3").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(key("k", KeyState.ENABLED, DENIED)).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void leastPrivilege() {
        Check check = new KmsPolicyLeastPrivilege();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA, APP_VIA_S3))).finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding star = new Scene().with(withPolicy("k", policy(ROOT, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Dev"},"Action":"kms:*","Resource":"*"}""")))
                .finding(check, "alias/k");
        assertThat(star.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(star.message()).contains("role/Dev has kms:*");
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, """
                {"Effect":"Allow","Principal":"*","Action":"kms:PutKeyPolicy","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"123456789012"}}}""")))
                .finding(check, "alias/k").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(new Scene().with(Scene.awsManagedKey("aws", "alias/aws/s3")).finding(check, "alias/aws/s3").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(key("k", KeyState.ENABLED, DENIED)).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void separationOfDuties() {
        Check check = new KmsPolicySeparationOfDuties();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA, APP_VIA_S3))).finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding both = new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA, ADMIN_MFA.replace("\"kms:Create*\"", "\"kms:Decrypt\",\"kms:Create*\"")
                .replace("Admins", "AdminsWhoDecrypt")))).finding(check, "alias/k");
        assertThat(both.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(both.evidence().get("principals")).contains("role/KeyAdmin");
        assertThat(new Scene().with(key("k", KeyState.PENDING_DELETION, Observed.of(policy(ROOT)))).finding(check, "alias/k").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(key("k", KeyState.ENABLED, DENIED)).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void mfaOnAdministrationOfKeysOfRestrictedData() {
        Check check = new KmsPolicyMfaAdmin();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA))).with(storeOf("vault", "k", "restricted"))
                .finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding noMfa = new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA.replace("\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}", "\"Condition\":{}"))))
                .with(storeOf("vault", "k", "restricted")).finding(check, "alias/k");
        assertThat(noMfa.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(noMfa.message()).contains("ScheduleKeyDeletion");
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).with(storeOf("notes", "k", "internal"))
                .finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(key("k", KeyState.ENABLED, DENIED)).with(storeOf("vault", "k", "restricted"))
                .finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    /**
     * The IAM User Guide: requests signed with an IAM user's long-term access keys carry no
     * aws:MultiFactorAuthPresent, so a Deny on Bool "false" never applies to them; BoolIfExists does.
     */
    @Test
    void aDenyWithoutMfaMustAlsoCatchLongTermAccessKeys() {
        Check check = new KmsPolicyMfaAdmin();
        String adminsWithoutMfa = ADMIN_MFA.replace("\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}", "\"Condition\":{}");
        String denyBool = """
                {"Sid":"DenyWithoutMfa","Effect":"Deny","Principal":"*","Action":["kms:ScheduleKeyDeletion","kms:DisableKey","kms:PutKeyPolicy"],
                 "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}""";
        Finding bool = new Scene().with(withPolicy("k", policy(ROOT, adminsWithoutMfa, denyBool))).with(storeOf("vault", "k", "restricted"))
                .finding(check, "alias/k");
        assertThat(bool.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(bool.message()).contains("ScheduleKeyDeletion via Admins for callers using long-term access keys")
                .doesNotContain("temporary credentials");
        Finding ifExists = new Scene().with(withPolicy("k", policy(ROOT, adminsWithoutMfa, denyBool.replace("\"Bool\"", "\"BoolIfExists\""))))
                .with(storeOf("vault", "k", "restricted")).finding(check, "alias/k");
        assertThat(ifExists.outcome()).isEqualTo(Outcome.PASS);
        // An Allow on BoolIfExists "true" lets long-term access keys in without MFA.
        Finding allowIfExists = new Scene().with(withPolicy("k", policy(ROOT, ADMIN_MFA.replace("\"Bool\"", "\"BoolIfExists\""))))
                .with(storeOf("vault", "k", "restricted")).finding(check, "alias/k");
        assertThat(allowIfExists.outcome()).isEqualTo(Outcome.FAIL);
        // A Deny scoped to another key protects nothing here.
        Finding otherKey = new Scene().with(withPolicy("k", policy(ROOT, adminsWithoutMfa, denyBool.replace("\"Bool\"", "\"BoolIfExists\"")
                        .replace("\"Resource\":\"*\"", "\"Resource\":\"arn:aws:kms:eu-west-1:123456789012:key/other\""))))
                .with(storeOf("vault", "k", "restricted")).finding(check, "alias/k");
        assertThat(otherKey.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void viaServiceWhereTheLevelDemandsIt() {
        var base = io.atrest.scanner.policy.ClassificationPolicy.defaults();
        String yaml = io.atrest.scanner.policy.PolicyFile.defaultYaml().replace("viaService: false", "viaService: true");
        var strict = io.atrest.scanner.policy.PolicyFile.parse(yaml, "t", java.util.Set.of());
        Check check = new KmsViaService();
        java.util.function.Function<Scene, Finding> eval = scene -> check.evaluate(new io.atrest.scanner.check.Evaluation(
                scene.inventory(), strict, Scene.NOW)).stream().filter(f -> f.resource().name().equals("alias/k")).findFirst().orElseThrow();
        assertThat(eval.apply(new Scene().with(withPolicy("k", policy(ROOT, APP_VIA_S3))).with(storeOf("v", "k", "restricted"))).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(eval.apply(new Scene().with(withPolicy("k", policy(ROOT, APP_VIA_S3.replace("kms:ViaService", "kms:EncryptionContextKeys"))))
                .with(storeOf("v", "k", "restricted"))).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(eval.apply(new Scene().with(withPolicy("k", policy(ROOT))).with(storeOf("v", "k", "internal"))).outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(eval.apply(new Scene().with(key("k", KeyState.ENABLED, DENIED)).with(storeOf("v", "k", "restricted"))).outcome())
                .isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(base.level("restricted").orElseThrow().requireViaService()).as("off by default").isFalse();
    }

    @Test
    void segmentation() {
        Check check = new KmsKeySegmentation();
        KmsKey k = withPolicy("k", policy(ROOT));
        assertThat(new Scene().with(k).with(storeOf("a", "k", "restricted")).finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding mixed = new Scene().with(k).with(storeOf("a", "k", "restricted")).with(storeOf("b", "k", "internal"))
                .finding(check, "alias/k");
        assertThat(mixed.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(mixed.evidence().get("levels")).contains("internal").contains("restricted");
        assertThat(new Scene().with(k).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        S3Bucket hidden = storeOf("c", "k", null);
        hidden = new S3Bucket(hidden.accountId(), "c", hidden.region(), null, hidden.encryption(), hidden.versioning(),
                hidden.publicAccessBlock(), hidden.policy(), Observed.failed(Scene.denied("s3", "GetBucketTagging", "c")));
        assertThat(new Scene().with(k).with(hidden).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void disabledInUse() {
        Check check = new KmsDisabledInUse();
        KmsKey disabled = key("k", KeyState.DISABLED, Observed.of(policy(ROOT)));
        Finding inUse = new Scene().with(disabled).with(storeOf("a", "k", "internal")).finding(check, "alias/k");
        assertThat(inUse.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(inUse.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(inUse.evidence().get("stores")).contains("arn:aws:s3:::a");
        assertThat(new Scene().with(disabled).finding(check, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(disabled).error(Scene.denied("ec2", "DescribeVolumes", null)).finding(check, "alias/k").outcome())
                .isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void pendingDeletionAndUnusedKeys() {
        Check pending = new KmsPendingDeletion();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).finding(pending, "alias/k").outcome()).isEqualTo(Outcome.PASS);
        Finding dying = new Scene().with(key("k", KeyState.PENDING_DELETION, Observed.absent())).finding(pending, "alias/k");
        assertThat(dying.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(dying.evidence()).containsEntry("daysLeft", "7");
        assertThat(new Scene().with(Scene.awsManagedKey("aws", "alias/aws/s3")).finding(pending, "alias/aws/s3").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);

        Check unused = new KmsUnusedCustomerKey();
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).with(storeOf("a", "k", "internal")).finding(unused, "alias/k").outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).finding(unused, "alias/k").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(new Scene().with(key("k", KeyState.DISABLED, Observed.absent())).finding(unused, "alias/k").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).error(Scene.denied("s3", "ListBuckets", null))
                .finding(unused, "alias/k").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void importedMaterialExpiry() {
        Check check = new KmsImportedMaterialExpiry();
        java.util.function.Function<Instant, KmsKey> imported = validTo -> {
            KmsKey k = Scene.customerKey("ext", KeyState.ENABLED, Observed.absent());
            return new KmsKey(k.accountId(), k.region(), "ext", k.arn(), List.of("alias/ext"), KeyManager.CUSTOMER, KeyState.ENABLED,
                    KeyOrigin.EXTERNAL, k.keySpec(), k.keyUsage(), false, k.createdAt(), null, validTo, Observed.absent(),
                    Observed.absent(), Observed.of(Map.of()));
        };
        assertThat(new Scene().with(imported.apply(Scene.NOW.plusSeconds(200L * 86400))).finding(check, "alias/ext").outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(new Scene().with(imported.apply(null)).finding(check, "alias/ext").outcome()).isEqualTo(Outcome.PASS);
        Finding soon = new Scene().with(imported.apply(Scene.NOW.plusSeconds(10L * 86400))).finding(check, "alias/ext");
        assertThat(soon.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(soon.severity()).isEqualTo(Severity.HIGH);
        Finding expired = new Scene().with(imported.apply(Scene.NOW.minusSeconds(86400))).finding(check, "alias/ext");
        assertThat(expired.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(new Scene().with(withPolicy("k", policy(ROOT))).finding(check, "alias/k").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        // validTo comes with DescribeKey: a key we could not describe is not in the inventory, so never NOT_EVALUATED.
    }
}
