package io.atrest.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class S3CollectorTest {
    private static final String ACCOUNT = "111122223333";
    private final FakeAccount account = new FakeAccount(ACCOUNT);
    private final CallLog log = new CallLog();

    private Inventory collect(Set<String> regions) {
        InventoryBuilder sink = new InventoryBuilder();
        new S3Collector(ACCOUNT, new FakeAccountClients(account, log, 2), "us-east-1", regions, sink).collect();
        return sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
    }

    private static S3Bucket bucket(Inventory inventory, String name) {
        return inventory.buckets().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void followsListBucketsPagesAndReadsEverySetting() {
        for (int i = 0; i < 5; i++) {
            account.bucket("b" + i, "us-east-1");
        }
        account.bucket("kms", "eu-west-1").kms("alias/app").tags(Map.of("DataClassification", "restricted")).versioning("Enabled").blockAll();
        account.buckets.get("kms").policy = "{\"Version\":\"2012-10-17\"}";
        account.buckets.get("kms").mfaDelete = true;

        Inventory inventory = collect(Set.of("us-east-1", "eu-west-1"));

        assertThat(inventory.buckets()).hasSize(6);
        assertThat(log.calls().stream().filter(c -> c.equals("S3:ListBuckets"))).hasSize(3);
        S3Bucket kms = bucket(inventory, "kms");
        assertThat(kms.region()).isEqualTo("eu-west-1");
        assertThat(kms.encryption().value().type()).isEqualTo(EncryptionType.SSE_KMS);
        assertThat(kms.encryption().value().kmsKeyRef()).isEqualTo("alias/app");
        assertThat(kms.versioning().value().status()).isEqualTo(VersioningStatus.ENABLED);
        assertThat(kms.versioning().value().mfaDelete()).isTrue();
        assertThat(kms.publicAccessBlock().value().allOn()).isTrue();
        assertThat(kms.policy().value()).contains("2012-10-17");
        assertThat(kms.tags().value()).containsEntry("DataClassification", "restricted");
        assertThat(inventory.errors()).isEmpty();
    }

    @Test
    void notConfiguredAnswersAreFactsNotErrors() {
        FakeAccount.Bucket bare = account.bucket("bare", "us-east-1");
        bare.sseAlgorithm = null;

        Inventory inventory = collect(Set.of("us-east-1"));

        S3Bucket b = bucket(inventory, "bare");
        assertThat(b.encryption().isKnown()).isTrue();
        assertThat(b.encryption().value().type()).isEqualTo(EncryptionType.NONE);
        assertThat(b.publicAccessBlock().value()).isEqualTo(PublicAccessBlock.NONE);
        assertThat(b.policy().isKnown()).isTrue();
        assertThat(b.policy().value()).isNull();
        assertThat(b.tags().value()).isEmpty();
        assertThat(b.versioning().value().status()).isEqualTo(VersioningStatus.NEVER_ENABLED);
        assertThat(inventory.accountPublicAccessBlocks()).singleElement()
                .satisfies(a -> assertThat(a.settings().value()).isEqualTo(PublicAccessBlock.NONE));
        assertThat(inventory.errors()).isEmpty();
    }

    @Test
    void everyOtherFailureIsRecordedAndKeptBesideTheFact() {
        account.bucket("locked", "us-east-1");
        account.bucket("open", "us-east-1");
        log.fail("S3:GetBucketEncryption:arn:aws:s3:::locked", "AccessDenied", 403);
        log.fail("S3:GetBucketTagging:arn:aws:s3:::locked", "SlowDown", 503);

        Inventory inventory = collect(Set.of("us-east-1"));

        S3Bucket locked = bucket(inventory, "locked");
        assertThat(locked.encryption().isKnown()).isFalse();
        assertThat(locked.encryption().error().reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(locked.tags().error().reason()).isEqualTo(ErrorReason.THROTTLED);
        assertThat(bucket(inventory, "open").encryption().isKnown()).isTrue();
        assertThat(inventory.errors()).extracting(e -> e.operation() + "/" + e.errorCode())
                .containsExactlyInAnyOrder("GetBucketEncryption/AccessDenied", "GetBucketTagging/SlowDown");
    }

    @Test
    void locatesBucketsWhenListBucketsGivesNoRegionAndLeavesOutOtherRegions() {
        account.bucket("virginia", "us-east-1").listedWithRegion = false;
        account.bucket("tokyo", "ap-northeast-1").listedWithRegion = false;

        Inventory inventory = collect(Set.of("us-east-1"));

        assertThat(inventory.buckets()).extracting(S3Bucket::name).containsExactly("virginia");
        assertThat(bucket(inventory, "virginia").region()).isEqualTo("us-east-1");
        assertThat(log.calls()).contains("S3:GetBucketLocation");
    }

    private long callsOn(String bucket) {
        return log.callsOn("arn:aws:s3:::" + bucket).size();
    }

    @Test
    void theRegionComesWithThePaginatedListingSoNoBucketIsLocated() {
        for (int i = 0; i < 5; i++) {
            account.bucket("b" + i, i % 2 == 0 ? "us-east-1" : "eu-west-1");
        }
        Inventory inventory = collect(Set.of("us-east-1", "eu-west-1"));
        assertThat(inventory.buckets()).extracting(S3Bucket::region).contains("us-east-1", "eu-west-1");
        // The fake answers BucketRegion only to the paginated form of ListBuckets, as S3 does.
        assertThat(log.calls()).doesNotContain("S3:GetBucketLocation");
    }

    @Test
    void aFullyBlockedAccountSparesEachBucketsAclAndItsOwnSettings() {
        account.accountBlock = new Boolean[] {true, true, true, true};
        account.bucket("guarded", "us-east-1");
        Inventory inventory = collect(Set.of("us-east-1"));
        S3Bucket guarded = bucket(inventory, "guarded");
        assertThat(log.calls()).doesNotContain("S3:GetBucketAcl");
        assertThat(guarded.skipped("GetBucketAcl")).isEqualTo("ACLs ignored by the account's Block Public Access (IgnorePublicAcls)");
        assertThat(guarded.skipped("GetPublicAccessBlock")).isEqualTo("the account's Block Public Access is fully on");
        assertThat(guarded.aclGrantsPublic().value()).isFalse();
        // Encryption, versioning, policy, tags: four calls, each read by a check; the account's settings cover the rest.
        assertThat(callsOn("guarded")).isEqualTo(4);
    }

    @Test
    void aBucketsOwnIgnorePublicAclsSparesItsAclToo() {
        account.bucket("own", "us-east-1").blockAll();
        account.bucket("open", "us-east-1");
        Inventory inventory = collect(Set.of("us-east-1"));
        assertThat(bucket(inventory, "own").skipped("GetBucketAcl")).isEqualTo("ACLs ignored by the bucket's Block Public Access (IgnorePublicAcls)");
        assertThat(bucket(inventory, "open").callsSkipped()).isEmpty();
        assertThat(callsOn("own")).isEqualTo(5);
        assertThat(callsOn("open")).isEqualTo(6);
        assertThat(log.callsOn("arn:aws:s3:::open")).contains("S3:GetBucketAcl");
    }

    @Test
    void anUnreadAccountSettingIsNotPresumedToIgnoreAcls() {
        account.accountBlock = new Boolean[] {true, true, true, true};
        log.fail("S3Control:GetPublicAccessBlock", "AccessDenied", 403);
        account.bucket("b", "us-east-1");
        Inventory inventory = collect(Set.of("us-east-1"));
        assertThat(bucket(inventory, "b").callsSkipped()).isEmpty();
        assertThat(log.callsOn("arn:aws:s3:::b")).contains("S3:GetBucketAcl");
    }

    @Test
    void aFailedListingIsRecordedAndYieldsNoBuckets() {
        account.bucket("x", "us-east-1");
        log.fail("S3:ListBuckets", "AccessDenied", 403);

        Inventory inventory = collect(Set.of("us-east-1"));

        assertThat(inventory.buckets()).isEmpty();
        assertThat(inventory.errors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("ListBuckets");
            assertThat(e.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        });
    }
}
