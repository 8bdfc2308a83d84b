package io.atrest.scanner.stores.dax;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.SSEDescription;

class DaxKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static Cluster cluster(String name, String sse) {
        return Cluster.builder().clusterName(name).clusterArn("arn:aws:dax:" + R + ":" + A + ":cache/" + name)
                .sseDescription(sse == null ? null : SSEDescription.builder().status(sse).build()).build();
    }

    @Test
    void clustersAndTheirTagsArePagedAndEncryptionJudged() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).addAll(List.of(cluster("orders", "ENABLED"), cluster("legacy", "DISABLED"), cluster("older", null)));
        account.in(R).tags.put("arn:aws:dax:" + R + ":" + A + ":cache/orders", Map.of("DataClassification", "confidential", "team", "orders"));

        Collected c = Collected.by(DaxKind.KIND, account, new CallLog(), 2);

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeClusters")).hasSize(2);
        assertThat(c.inventory().storesOf(DaxCluster.class).get(2).tags().value()).containsEntry("team", "orders");
        assertThat(c.outcome(new DaxEncrypted(), "orders")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new DaxEncrypted(), "legacy")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new DaxEncrypted(), "older")).as("no SSE description: clusters from before SSE").isEqualTo(Outcome.FAIL);
    }
}
