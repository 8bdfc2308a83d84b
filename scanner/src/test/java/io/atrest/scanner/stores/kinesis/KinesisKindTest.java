package io.atrest.scanner.stores.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

class KinesisKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static StreamDescriptionSummary stream(String name, String encryption, String key) {
        return StreamDescriptionSummary.builder().streamName(name).streamARN("arn:aws:kinesis:" + R + ":" + A + ":stream/" + name)
                .encryptionType(encryption).keyId(key).build();
    }

    @Test
    void streamsAndTheirTagsArePagedAndJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(StreamDescriptionSummary.class).addAll(List.of(stream("clicks", "KMS", "alias/aws/kinesis"),
                stream("raw", "NONE", null), stream("payments", "KMS", "alias/aws/kinesis")));
        account.in(R).tags.put("payments", Map.of("DataClassification", "restricted", "team", "payments", "cost", "42"));

        Collected c = Collected.by(KinesisKind.KIND, account, new CallLog(), 2);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListStreams")).hasSize(2);
        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListTagsForStream")).as("three tags, one a page; two empty").hasSize(5);
        assertThat(c.outcome(new KinesisEncrypted(), "clicks")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new KinesisEncrypted(), "raw")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new KinesisKeyTier(), "payments")).as("aws/kinesis for restricted data").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new KinesisKeyTier(), "clicks")).isEqualTo(Outcome.PASS);
    }

    @Test
    void aSummaryThatCannotBeReadIsNotEvaluated() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(StreamDescriptionSummary.class).add(stream("clicks", "KMS", "alias/aws/kinesis"));
        Collected c = Collected.by(KinesisKind.KIND, account, new CallLog().fail("Kinesis:DescribeStreamSummary", "LimitExceededException", 400), 2);
        assertThat(c.outcome(new KinesisEncrypted(), "clicks")).isEqualTo(Outcome.NOT_EVALUATED);
    }
}
