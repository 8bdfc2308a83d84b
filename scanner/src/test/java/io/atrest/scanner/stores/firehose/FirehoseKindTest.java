package io.atrest.scanner.stores.firehose;

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
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamEncryptionConfiguration;

class FirehoseKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static DeliveryStreamDescription stream(String name, String status, String keyType, String key) {
        return DeliveryStreamDescription.builder().deliveryStreamName(name)
                .deliveryStreamARN("arn:aws:firehose:" + R + ":" + A + ":deliverystream/" + name)
                .deliveryStreamEncryptionConfiguration(status == null ? null
                        : DeliveryStreamEncryptionConfiguration.builder().status(status).keyType(keyType).keyARN(key).build()).build();
    }

    @Test
    void streamsArePagedByNameAndTheirServerSideEncryptionJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(DeliveryStreamDescription.class).addAll(List.of(stream("audit", "ENABLED", "CUSTOMER_MANAGED_CMK", CMK),
                stream("clicks", "ENABLED", "AWS_OWNED_CMK", null), stream("raw", "DISABLED", null, null), stream("unset", null, null, null)));
        account.in(R).tags.put("audit", Map.of("DataClassification", "restricted"));
        account.in(R).tags.put("clicks", Map.of("DataClassification", "restricted"));

        Collected c = Collected.by(FirehoseKind.KIND, account, new CallLog(), 3, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListDeliveryStreams")).hasSize(2);
        assertThat(c.inventory().storesOf(FirehoseStream.class)).hasSize(4);
        assertThat(c.outcome(new FirehoseEncrypted(), "audit")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new FirehoseEncrypted(), "clicks")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new FirehoseEncrypted(), "raw")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new FirehoseEncrypted(), "unset")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new FirehoseKeyTier(), "audit")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new FirehoseKeyTier(), "clicks")).isEqualTo(Outcome.FAIL);
    }
}
