package io.atrest.scanner.check.kms;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Severity;
import org.junit.jupiter.api.Test;

class KmsPendingDeletionInUseTest {
    private final KmsPendingDeletionInUse check = new KmsPendingDeletionInUse();
    private final KmsKey dying = Scene.customerKey("dying", KeyState.PENDING_DELETION, Observed.absent());

    @Test
    void failsNamingTheStoresAndTheDaysLeft() {
        Finding f = new Scene().with(dying).with(bucket("ledger", Scene.kms("alias/dying"), "restricted"))
                .finding(check, "alias/dying");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("stores", "arn:aws:s3:::ledger").containsEntry("daysLeft", "7");
    }

    @Test
    void passesWhenNothingSeenUsesIt() {
        Finding f = new Scene().with(dying).with(bucket("other", Scene.sseS3(), "internal")).finding(check, "alias/dying");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void notApplicableToKeysNotPendingDeletion() {
        Finding f = new Scene().with(Scene.customerKey("live", KeyState.ENABLED, Observed.of(true))).finding(check, "alias/live");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void notEvaluatedWhenABucketOfItsRegionCouldNotBeRead() {
        S3Bucket b = bucket("hidden", null, "internal");
        b = new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(),
                Observed.failed(Scene.denied("s3", "GetBucketEncryption", b.arn())), b.versioning(), b.publicAccessBlock(), b.policy(), b.tags());
        Finding f = new Scene().with(dying).with(b).finding(check, "alias/dying");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
    }
}
