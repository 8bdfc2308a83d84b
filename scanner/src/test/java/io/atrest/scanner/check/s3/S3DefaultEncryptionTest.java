package io.atrest.scanner.check.s3;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Severity;
import org.junit.jupiter.api.Test;

class S3DefaultEncryptionTest {
    private final S3DefaultEncryption check = new S3DefaultEncryption();

    @Test
    void passesWithSseS3AndNamesTheKeyWithKms() {
        Finding s3 = new Scene().with(bucket("a", Scene.sseS3(), "internal")).finding(check, "a");
        Finding kms = new Scene().with(bucket("b", Scene.kms("alias/app"), "internal")).finding(check, "b");
        assertThat(s3.outcome()).isEqualTo(Outcome.PASS);
        assertThat(s3.evidence()).containsEntry("encryption", "SSE_S3");
        assertThat(kms.outcome()).isEqualTo(Outcome.PASS);
        assertThat(kms.evidence()).containsEntry("kmsKey", "alias/app");
    }

    @Test
    void failsWithoutADefaultRule() {
        Finding f = new Scene().with(bucket("a", BucketEncryption.NONE, "internal")).finding(check, "a");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void notEvaluatedWhenEncryptionCouldNotBeRead() {
        S3Bucket b = bucket("a", null, "internal");
        b = new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(),
                Observed.failed(Scene.denied("s3", "GetBucketEncryption", b.arn())), b.versioning(), b.publicAccessBlock(), b.policy(), b.tags());
        Finding f = new Scene().with(b).finding(check, "a");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(f.failedOperation()).isEqualTo("s3:GetBucketEncryption");
    }

    @Test
    void neverNotApplicableEvenForPublicData() {
        // Every bucket holds data at rest, public or not: the check applies to all of them.
        Finding f = new Scene().with(bucket("www", BucketEncryption.NONE, "public")).finding(check, "www");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    }
}
