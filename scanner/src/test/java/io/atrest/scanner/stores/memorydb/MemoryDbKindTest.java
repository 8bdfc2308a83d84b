package io.atrest.scanner.stores.memorydb;

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
import software.amazon.awssdk.services.memorydb.model.Cluster;

class MemoryDbKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static String arn(String name) {
        return "arn:aws:memorydb:" + R + ":" + A + ":cluster/" + name;
    }

    @Test
    void clustersArePagedAndTheirKeyTierJudgedByTheirTags() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).addAll(List.of(
                Cluster.builder().name("ledger").arn(arn("ledger")).kmsKeyId(CMK).build(),
                Cluster.builder().name("profiles").arn(arn("profiles")).build(),
                Cluster.builder().name("catalog").arn(arn("catalog")).build()));
        account.in(R).tags.put(arn("ledger"), Map.of("DataClassification", "restricted"));
        account.in(R).tags.put(arn("profiles"), Map.of("DataClassification", "restricted"));

        Collected c = Collected.by(MemoryDbKind.KIND, account, new CallLog(), 2, List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeClusters")).hasSize(2);
        assertThat(c.outcome(new MemoryDbKeyTier(), "ledger")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new MemoryDbKeyTier(), "profiles")).as("MemoryDB's own key, restricted data").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new MemoryDbKeyTier(), "catalog")).as("untagged: internal; the provider's key suffices").isEqualTo(Outcome.PASS);
    }

    @Test
    void aThrottledListingPastEveryRetryIsAGap() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).add(Cluster.builder().name("ledger").arn(arn("ledger")).build());
        Collected c = Collected.by(MemoryDbKind.KIND, account, new CallLog().fail("MemoryDb:DescribeClusters", "ThrottlingException", 400), 2);
        assertThat(c.inventory().storesOf(MemoryDbCluster.class)).isEmpty();
        assertThat(c.inventory().errors()).singleElement().satisfies(e -> assertThat(e.reason().name()).isEqualTo("THROTTLED"));
        assertThat(c.gaps()).contains("AwsMemoryDbCluster@" + R);
    }
}
