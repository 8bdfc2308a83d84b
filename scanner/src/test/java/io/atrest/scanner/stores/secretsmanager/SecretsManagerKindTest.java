package io.atrest.scanner.stores.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

class SecretsManagerKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static String arn(String name) {
        return "arn:aws:secretsmanager:" + R + ":" + A + ":secret:" + name + "-AbCdEf";
    }

    private static SecretListEntry secret(String name, String key, String level) {
        return SecretListEntry.builder().name(name).arn(arn(name)).kmsKeyId(key)
                .tags(Tag.builder().key("DataClassification").value(level).build()).build();
    }

    @Test
    void theDefaultKeyAndAnOpenPolicyFailRestrictedSecrets() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(SecretListEntry.class).addAll(List.of(secret("db-password", CMK, "restricted"),
                secret("api-token", null, "restricted"), secret("feature-flags", null, "internal")));
        account.in(R).policies.put(arn("api-token"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}");
        account.in(R).policies.put(arn("db-password"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-test\"}}}]}");

        Collected c = Collected.by(SecretsManagerKind.KIND, account, new CallLog(), 2,
                List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.outcome(new SecretKeyTier(), "db-password")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SecretKeyTier(), "api-token")).as("aws/secretsmanager for restricted").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SecretKeyTier(), "feature-flags")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SecretNotPublic(), "api-token")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SecretNotPublic(), "db-password")).as("limited to the organization").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SecretNotPublic(), "feature-flags")).as("no policy").isEqualTo(Outcome.PASS);
    }
}
