package io.atrest.scanner.check.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Finding;
import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import org.junit.jupiter.api.Test;

class KmsRotationTest {
    private final KmsRotation check = new KmsRotation();

    @Test
    void passesAndFailsOnTheRotationFlag() {
        assertThat(new Scene().with(Scene.customerKey("on", KeyState.ENABLED, Observed.of(true))).finding(check, "alias/on").outcome())
                .isEqualTo(Outcome.PASS);
        Finding off = new Scene().with(Scene.customerKey("off", KeyState.ENABLED, Observed.of(false))).finding(check, "alias/off");
        assertThat(off.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(off.evidence()).containsEntry("rotation", "disabled");
    }

    @Test
    void notApplicableToKeysThatCannotOrNeedNotRotate() {
        KmsKey base = Scene.customerKey("k", KeyState.ENABLED, Observed.absent());
        KmsKey asymmetric = new KmsKey(base.accountId(), base.region(), "rsa", base.arn() + "rsa", java.util.List.of("alias/rsa"),
                base.manager(), base.state(), base.origin(), "RSA_2048", "SIGN_VERIFY", false, base.createdAt(), null, null,
                Observed.absent(), base.policy(), base.tags());
        KmsKey imported = new KmsKey(base.accountId(), base.region(), "ext", base.arn() + "ext", java.util.List.of("alias/ext"),
                base.manager(), base.state(), KeyOrigin.EXTERNAL, base.keySpec(), base.keyUsage(), false, base.createdAt(), null, null,
                Observed.absent(), base.policy(), base.tags());
        Scene scene = new Scene().with(Scene.awsManagedKey("aws", "alias/aws/s3")).with(asymmetric).with(imported)
                .with(Scene.customerKey("dis", KeyState.DISABLED, Observed.absent()));
        assertThat(scene.finding(check, "alias/aws/s3").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(check, "alias/rsa").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(check, "alias/ext").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(scene.finding(check, "alias/dis").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void notEvaluatedWhenRotationStatusWasDenied() {
        Finding f = new Scene()
                .with(Scene.customerKey("k", KeyState.ENABLED, Observed.failed(Scene.denied("kms", "GetKeyRotationStatus", "k"))))
                .finding(check, "alias/k");
        assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(f.reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        assertThat(f.failedOperation()).isEqualTo("kms:GetKeyRotationStatus");
    }
}
