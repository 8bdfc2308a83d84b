package io.atrest.scanner.stores.elasticache;

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
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

class ElastiCacheKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static String arn(String id) {
        return "arn:aws:elasticache:" + R + ":" + A + ":replicationgroup:" + id;
    }

    private static FakeAccount account() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(ReplicationGroup.class).addAll(List.of(
                ReplicationGroup.builder().replicationGroupId("sessions").arn(arn("sessions")).atRestEncryptionEnabled(true).kmsKeyId(CMK).build(),
                ReplicationGroup.builder().replicationGroupId("owned").arn(arn("owned")).atRestEncryptionEnabled(true).build(),
                ReplicationGroup.builder().replicationGroupId("plain").arn(arn("plain")).atRestEncryptionEnabled(false).build()));
        account.in(R).tags.put(arn("sessions"), Map.of("DataClassification", "restricted"));
        account.in(R).tags.put(arn("owned"), Map.of("DataClassification", "restricted"));
        return account;
    }

    @Test
    void groupsArePagedTheirTagsReadAndJudged() {
        Collected c = Collected.by(ElastiCacheKind.KIND, account(), new CallLog(), 2,
                List.of(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))));

        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("DescribeReplicationGroups")).hasSize(2);
        assertThat(c.log().calls()).filteredOn(call -> call.endsWith("ListTagsForResource")).hasSize(3);
        assertThat(c.outcome(new ElastiCacheEncrypted(), "sessions")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new ElastiCacheEncrypted(), "plain")).isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new ElastiCacheKeyTier(), "sessions")).isEqualTo(Outcome.PASS);
        assertThat(c.outcome(new ElastiCacheKeyTier(), "owned")).as("ElastiCache's own key is below customer-managed").isEqualTo(Outcome.FAIL);
        assertThat(c.outcome(new ElastiCacheKeyTier(), "plain")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void tagsThatCannotBeReadLeaveTheTierNotEvaluatedAndAFailedListingIsAGap() {
        Collected tagsDenied = Collected.by(ElastiCacheKind.KIND, account(),
                new CallLog().fail("ElastiCache:ListTagsForResource:" + arn("sessions"), "AccessDenied", 403), 5);
        assertThat(tagsDenied.outcome(new ElastiCacheKeyTier(), "sessions")).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(tagsDenied.outcome(new ElastiCacheEncrypted(), "sessions")).isEqualTo(Outcome.PASS);

        Collected listingDenied = Collected.by(ElastiCacheKind.KIND, account(),
                new CallLog().fail("ElastiCache:DescribeReplicationGroups", "AccessDenied", 403), 5);
        assertThat(listingDenied.inventory().storesOf(ElastiCacheReplicationGroup.class)).isEmpty();
        assertThat(listingDenied.gaps()).contains("AwsElastiCacheReplicationGroup@" + R);
    }
}
