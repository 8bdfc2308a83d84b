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
