package io.atrest.scanner.stores.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String OPEN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:" + R + ":" + A + ":intake\"}]}";
    private static final String FROM_TOPIC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:" + R + ":" + A + ":orders\","
            + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:" + R + ":" + A + ":orders\"}}}]}";

    private static FakeAccount account() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(FakeSqs.Queue.class).addAll(List.of(
                new FakeSqs.Queue("orders", Map.of("KmsMasterKeyId", "alias/aws/sqs", "Policy", FROM_TOPIC)),
                new FakeSqs.Queue("intake", Map.of("SqsManagedSseEnabled", "true", "Policy", OPEN)),
                new FakeSqs.Queue("legacy", Map.of("SqsManagedSseEnabled", "false"))));
        account.in(R).tags.put(FakeSqs.url(account, R, "orders"), Map.of("DataClassification", "confidential"));
        account.in(R).tags.put(FakeSqs.url(account, R, "intake"), Map.of("DataClassification", "confidential"));
        return account;
    }

    @Test
    void queuesArePagedAndTheirEncryptionKeyAndPolicyJudged() {
        Collected c = Collected.by(SqsKind.KIND, account(), new CallLog(), 2);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListQueues")).hasSize(2);
        assertThat(c.inventory().storesOf(SqsQueue.class)).extracting(SqsQueue::arn).contains("arn:aws:sqs:" + R + ":" + A + ":orders");
        assertThat(c.outcome(new SqsEncrypted(), "orders")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SqsEncrypted(), "intake")).as("SSE-SQS").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SqsEncrypted(), "legacy")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SqsKeyTier(), "orders")).as("aws/sqs meets confidential").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SqsKeyTier(), "intake")).as("SQS's own keys are below confidential").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SqsNotPublic(), "intake")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new SqsNotPublic(), "orders")).as("only the company's topic may send").isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new SqsNotPublic(), "legacy")).isEqualTo(Outcome.PASS);
    }

    @Test
    void attributesThatCannotBeReadLeaveEveryCheckNotEvaluated() {
        FakeAccount account = account();
        String arn = "arn:aws:sqs:" + R + ":" + A + ":orders";
        Collected c = Collected.by(SqsKind.KIND, account, new CallLog().fail("Sqs:GetQueueAttributes:" + FakeSqs.url(account, R, "orders"),
                "AccessDenied", 403), 5);

        assertThat(c.inventory().storesOf(SqsQueue.class)).extracting(SqsQueue::arn).contains(arn);
        assertThat(c.outcome(new SqsEncrypted(), "orders")).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(c.outcome(new SqsKeyTier(), "orders")).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(c.outcome(new SqsNotPublic(), "orders")).isEqualTo(Outcome.NOT_EVALUATED);
    }
}
