package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;

/**
 * Automatic rotation is on for every key that can rotate and that the customer controls:
 * enabled, symmetric, customer-managed, with KMS-generated material. AWS-managed keys rotate
 * by themselves every year and are not the customer's to judge; asymmetric, HMAC and imported
 * keys cannot rotate automatically.
 */
public final class KmsRotation extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-rotation")
            .title("Customer-managed KMS keys rotate automatically")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.MEDIUM)
            .passesWhen("Automatic key rotation is enabled on enabled, symmetric, customer-managed keys whose material KMS generated.")
            .rationale("Rotation limits how much data any one key version protects and how long a leaked version stays "
                    + "useful; KMS keeps old versions to decrypt old data, so rotation breaks nothing.")
            .remediation("KMS console > Customer managed keys > key > Key rotation > check \"Automatically rotate this "
                            + "KMS key every year\" (or set a period) > Save.",
                    "aws kms enable-key-rotation --key-id <key-id> --region <region>")
            .mappedTo("FSBP KMS.4", "CIS 3.6", "Config cmk-backing-key-rotation-enabled", "Prowler kms_cmk_rotation_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (!key.customerManaged()) {
            return Verdict.notApplicable("AWS-managed keys rotate automatically").with("manager", key.manager());
        }
        if (key.state() != KeyState.ENABLED) {
            return Verdict.notApplicable("key is " + key.state()).with("state", key.state());
        }
        if (!key.symmetric()) {
            return Verdict.notApplicable(key.keySpec() + " keys cannot rotate automatically").with("keySpec", key.keySpec());
        }
        if (key.origin() != KeyOrigin.AWS_KMS) {
            return Verdict.notApplicable("keys with " + key.origin() + " material cannot rotate automatically").with("origin", key.origin());
        }
        if (!key.rotationEnabled().isKnown()) {
            return Verdict.notEvaluated(key.rotationEnabled().error());
        }
        return Boolean.TRUE.equals(key.rotationEnabled().value())
                ? Verdict.pass("automatic rotation enabled").with("rotation", "enabled")
                : Verdict.fail("automatic rotation disabled").with("rotation", "disabled");
    }
}
