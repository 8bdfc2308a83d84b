package io.atrest.scanner.check.s3;

import static io.atrest.scanner.check.Scene.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import org.junit.jupiter.api.Test;

class S3BlockPublicAccessTest {
    private final S3BlockPublicAccess check = new S3BlockPublicAccess();
    private static final PublicAccessBlock HALF = new PublicAccessBlock(true, true, false, false);
    private static final PublicAccessBlock OTHER_HALF = new PublicAccessBlock(false, false, true, true);

    private static S3Bucket withBlock(String classification, Observed<PublicAccessBlock> block) {
        S3Bucket b = bucket("b", Scene.sseS3(), classification);
        return new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(), b.versioning(),
                block, b.policy(), b.tags());
    }

    @Test
    void aBucketNotReadUnderAFullyBlockedAccountPassesAndSaysWhy() {
        S3Bucket b = withBlock("internal", Observed.absent());
        S3Bucket spared = new S3Bucket(b.accountId(), b.name(), b.region(), b.createdAt(), b.encryption(), b.versioning(), b.publicAccessBlock(),
                b.policy(), b.tags(), b.aclGrantsPublic(), java.util.Map.of("GetPublicAccessBlock", "the account's Block Public Access is fully on"));
        Finding f = new Scene().accountBlock(Observed.of(PublicAccessBlock.ALL)).with(spared).finding(check, "b");
        assertThat(f.outcome()).isEqualTo(io.atrest.scanner.check.Outcome.PASS);
        assertThat(f.evidence()).containsEntry("bucket", "not read: the account's Block Public Access is fully on");
    }

    @Test
    void bucketAndAccountSettingsCombineFlagByFlag() {
        Finding f = new Scene().accountBlock(Observed.of(OTHER_HALF)).with(withBlock("internal", Observed.of(HALF)))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void failsNamingTheSettingsThatAreOff() {
        Finding f = new Scene().accountBlock(Observed.of(PublicAccessBlock.NONE)).with(withBlock("internal", Observed.of(HALF)))
                .finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.evidence()).containsEntry("missing", "BlockPublicPolicy,RestrictPublicBuckets");
    }

    @Test
    void notApplicableForDataMeantToBePublic() {
        Finding f = new Scene().accountBlock(Observed.of(PublicAccessBlock.NONE))
                .with(withBlock("public", Observed.of(PublicAccessBlock.NONE))).finding(check, "b");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void anUnreadableBucketSettingIsCoveredByAFullAccountSetting() {
        Observed<PublicAccessBlock> unknown = Observed.failed(Scene.denied("s3", "GetPublicAccessBlock", "arn:aws:s3:::b"));
        Finding covered = new Scene().accountBlock(Observed.of(PublicAccessBlock.ALL)).with(withBlock("internal", unknown))
                .finding(check, "b");
        assertThat(covered.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void notEvaluatedWhenWhatCouldNotBeReadMightCloseTheGap() {
        Observed<PublicAccessBlock> unknown = Observed.failed(Scene.denied("s3", "GetPublicAccessBlock", "arn:aws:s3:::b"));
        Finding bucketUnknown = new Scene().accountBlock(Observed.of(PublicAccessBlock.NONE)).with(withBlock("internal", unknown))
                .finding(check, "b");
        assertThat(bucketUnknown.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(bucketUnknown.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);

        Finding accountUnknown = new Scene()
                .accountBlock(Observed.failed(Scene.denied("s3control", "GetPublicAccessBlock", null)))
                .with(withBlock("internal", Observed.of(HALF))).finding(check, "b");
        assertThat(accountUnknown.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(accountUnknown.failedOperation()).isEqualTo("s3control:GetPublicAccessBlock");
    }
}
