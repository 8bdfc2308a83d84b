package io.atrest.scanner.stores.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static String arn(String name) {
        return "arn:aws:sns:" + R + ":" + A + ":" + name;
    }

    @Test
    void topicsArePagedAndTheirKeyAndPolicyJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(FakeSns.TopicState.class).addAll(List.of(
                new FakeSns.TopicState(arn("payments"), Map.of("KmsMasterKeyId", CMK)),
                new FakeSns.TopicState(arn("alerts"), Map.of("KmsMasterKeyId", "alias/aws/sns", "Policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                                + "\"Action\":\"SNS:Subscribe\",\"Resource\":\"" + arn("alerts") + "\"}]}")),
                new FakeSns.TopicState(arn("plain"), Map.of())));
        account.in(R).tags.put(arn("payments"), Map.of("DataClassification", "restricted"));
        account.in(R).tags.put(arn("alerts"), Map.of("DataClassification", "restricted"));

        Collected c = Collected.by(SnsKind.KIND, account, new CallLog(), 2, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListTopics")).hasSize(2);
        assertThat(c.outcome(new SnsEncrypted(), "payments")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SnsEncrypted(), "plain")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SnsKeyTier(), "payments")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SnsKeyTier(), "alerts")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SnsNotPublic(), "alerts")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SnsNotPublic(), "payments")).isEqualTo(Outcome.PASS);
    }

    @Test
    void aDeniedListingIsAGap() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(FakeSns.TopicState.class).add(new FakeSns.TopicState(arn("payments"), Map.of()));
        Collected c = Collected.by(SnsKind.KIND, account, new CallLog().fail("Sns:ListTopics", "AuthorizationError", 403), 2);
        assertThat(c.inventory().storesOf(SnsTopic.class)).isEmpty();
        assertThat(c.gaps()).contains("AwsSnsTopic@" + R);
    }
}
