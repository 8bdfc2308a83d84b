package io.atrest.scanner.check.s3;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.KeyTier;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import io.atrest.scanner.check.Evaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3KeyTierTest {
    private final S3KeyTier check = new S3KeyTier();

    @Test
    void restrictedBucketOnACustomerKeyPasses() {
        Finding f = new Scene()
                .with(Scene.customerKey("k1", KeyState.ENABLED, Observed.of(true)))
                .with(bucket("vault", Scene.kms("arn:aws:kms:eu-west-1:123456789012:key/k1"), "restricted"))
                .finding(check, "vault");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.evidence()).containsEntry("actual", "KMS_CUSTOMER_MANAGED").containsEntry("key", "arn:aws:kms:eu-west-1:123456789012:key/k1");
    }

    @Test
    void restrictedBucketOnTheAwsManagedKeyFailsEvenWithoutAKeyId() {
        // aws:kms with no key id means the account's aws/s3 key: AWS-managed, below restricted's bar.
        Finding f = new Scene().with(bucket("vault", new BucketEncryption(EncryptionType.SSE_KMS, null, false), "restricted"))
                .finding(check, "vault");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).containsEntry("actual", "KMS_AWS_MANAGED").containsEntry("required", "KMS_CUSTOMER_MANAGED");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aliasOfAnAwsManagedKeyIsJudgedByTheKeyNotTheName() {
        // A customer alias pointing at a key AWS manages is still AWS-managed.
        Finding f = new Scene()
                .with(Scene.awsManagedKey("aws1", "alias/aws/s3"))
                .with(bucket("b", Scene.kms("aws1"), "restricted"))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).containsEntry("actual", "KMS_AWS_MANAGED");
    }

    @Test
    void severityOfAFailureComesFromTheLevel() {
        Finding f = new Scene().with(bucket("plain", BucketEncryption.NONE, "internal")).finding(check, "plain");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    }

    /** #16.2: one finding, one severity: the level's, whether it fails, passes or cannot be read. */
    @Test
    void theLevelSetsTheSeverityOfEveryOutcome() {
        Finding fixed = new Scene().with(bucket("plain", Scene.sseS3(), "internal")).finding(check, "plain");
        assertThat(fixed.outcome()).isEqualTo(Outcome.PASS);
        assertThat(fixed.severity()).isEqualTo(Severity.MEDIUM);
        Finding unknown = new Scene().with(bucket("plain", Scene.kms("arn:aws:kms:eu-west-1:123456789012:key/gone"), "internal"))
                .finding(check, "plain");
        assertThat(unknown.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void notApplicableWhenTheLevelDemandsNoEncryption() {
        ClassificationPolicy lax = new ClassificationPolicy(List.of("DataClassification"),
                List.of(new Level("open", KeyTier.NONE, Severity.LOW, false, false, false)), "open", false);
        Scene scene = new Scene().with(bucket("b", BucketEncryption.NONE, "open"));
        Finding f = check.evaluate(new Evaluation(scene.inventory(), lax, Scene.NOW)).get(0);
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void notEvaluatedWhenTheKeyCannotBeResolved() {
        Scene scene = new Scene()
                .error(Scene.denied("kms", "ListKeys", null))
                .with(bucket("b", Scene.kms("arn:aws:kms:eu-west-1:123456789012:key/unknown"), "restricted"));
        Finding f = scene.finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(f.failedOperation()).isEqualTo("kms:ListKeys");
    }

    @Test
    void notEvaluatedForAKeyInAnAccountOutsideTheScan() {
        Finding f = new Scene().with(bucket("b", Scene.kms("arn:aws:kms:eu-west-1:999999999999:key/x"), "restricted"))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(f.message()).contains("outside this scan");
    }

    @Test
    void notEvaluatedWhenTagsCouldNotBeRead() {
        S3Bucket b = bucket("b", Scene.sseS3(), null);
        b = new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(), b.versioning(),
                b.publicAccessBlock(), b.policy(), Observed.failed(Scene.denied("s3", "GetBucketTagging", b.arn())));
        Finding f = new Scene().with(b).finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.failedOperation()).isEqualTo("s3:GetBucketTagging");
        assertThat(f.classification()).isNull();
    }

    @Test
    void untaggedBucketInheritsTheAccountLevel() {
        Finding f = new Scene().accountTags(java.util.Map.of("DataClassification", "restricted"))
                .with(bucket("b", Scene.sseS3(), null))
                .finding(check, "b");
        assertThat(f.classification()).isEqualTo("restricted");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    }
}
