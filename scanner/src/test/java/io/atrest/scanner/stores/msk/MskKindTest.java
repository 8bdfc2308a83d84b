package io.atrest.scanner.stores.msk;

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
import software.amazon.awssdk.services.kafka.model.Cluster;
import software.amazon.awssdk.services.kafka.model.EncryptionAtRest;
import software.amazon.awssdk.services.kafka.model.EncryptionInfo;
import software.amazon.awssdk.services.kafka.model.Provisioned;

class MskKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static Cluster provisioned(String name, String key, String level) {
        return Cluster.builder().clusterName(name).clusterArn("arn:aws:kafka:" + R + ":" + A + ":cluster/" + name + "/1").clusterType("PROVISIONED")
                .provisioned(Provisioned.builder().encryptionInfo(EncryptionInfo.builder()
                        .encryptionAtRest(EncryptionAtRest.builder().dataVolumeKMSKeyId(key).build()).build()).build())
                .tags(Map.of("DataClassification", level)).build();
    }

    @Test
    void provisionedAndServerlessClustersAreJudgedByTheirKeys() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).addAll(List.of(provisioned("events", CMK, "restricted"),
                provisioned("metrics", "arn:aws:kms:" + R + ":" + A + ":alias/aws/kafka", "restricted"),
                Cluster.builder().clusterName("serverless").clusterArn("arn:aws:kafka:" + R + ":" + A + ":cluster/serverless/2")
                        .clusterType("SERVERLESS").tags(Map.of("DataClassification", "confidential")).build()));

        Collected c = Collected.by(MskKind.KIND, account, new CallLog(), 2, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListClustersV2")).hasSize(2);
        assertThat(c.outcome(new MskKeyTier(), "events")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new MskKeyTier(), "metrics")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new MskKeyTier(), "serverless")).as("MSK's own keys, confidential data").isEqualTo(Outcome.FAIL);
    }
}
