package io.atrest.scanner.stores.logs;

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

class LogsKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup group(String name, String key) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder().logGroupName(name)
                .arn("arn:aws:logs:" + R + ":" + A + ":log-group:" + name + ":*").kmsKeyId(key).build();
    }

    @Test
    void logGroupsArePagedTheirTagsReadByTheArnWithoutItsStarAndJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.class).addAll(List.of(
                group("/app/payments", CMK), group("/app/checkout", null), group("/aws/lambda/thumbnails", null)));
        account.in(R).tags.put("arn:aws:logs:" + R + ":" + A + ":log-group:/app/payments", Map.of("DataClassification", "restricted"));
        account.in(R).tags.put("arn:aws:logs:" + R + ":" + A + ":log-group:/app/checkout", Map.of("DataClassification", "restricted"));

        Collected c = Collected.by(LogsKind.KIND, account, new CallLog(), 2, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeLogGroups")).hasSize(2);
        assertThat(c.outcome(new LogGroupKeyTier(), "/app/payments")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new LogGroupKeyTier(), "/app/checkout")).as("the service's own keys for restricted logs").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new LogGroupKeyTier(), "/aws/lambda/thumbnails")).isEqualTo(Outcome.PASS);
    }
}
