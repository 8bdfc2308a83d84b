package io.atrest.scanner.check.s3;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import org.junit.jupiter.api.Test;

class S3VersioningTest {
    private final S3Versioning check = new S3Versioning();

    private static S3Bucket withVersioning(String classification, Observed<BucketVersioning> versioning) {
        S3Bucket b = bucket("b", Scene.sseS3(), classification);
        return new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(), versioning,
                b.publicAccessBlock(), b.policy(), b.tags());
    }

    @Test
    void passesWhenEnabledOnAConfidentialBucket() {
        Finding f = new Scene().with(withVersioning("confidential", Observed.of(new BucketVersioning(VersioningStatus.ENABLED, false))))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void failsWhenSuspendedOrNeverEnabled() {
        Finding suspended = new Scene().with(withVersioning("confidential", Observed.of(new BucketVersioning(VersioningStatus.SUSPENDED, false))))
                .finding(check, "b");
        Finding never = new Scene().with(withVersioning("restricted", Observed.of(BucketVersioning.NEVER_ENABLED)))
                .finding(check, "b");
        assertThat(suspended.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(suspended.evidence()).containsEntry("versioning", "SUSPENDED");
        assertThat(never.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void notApplicableWhereTheLevelDoesNotDemandIt() {
        Finding f = new Scene().with(withVersioning("internal", Observed.of(BucketVersioning.NEVER_ENABLED))).finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void notEvaluatedWhenVersioningCouldNotBeRead() {
        Finding f = new Scene().with(withVersioning("restricted", Observed.failed(Scene.denied("s3", "GetBucketVersioning", "arn:aws:s3:::b"))))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
    }
}
