package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.KeyTier;
import io.atrest.scanner.policy.Severity;

/** Trail logs are encrypted with a customer-managed key (SSE-KMS). Never NOT_APPLICABLE. */
public final class CloudTrailKmsEncrypted extends TrailCheck {

    public static final CheckInfo INFO = CheckInfo.builder("cloudtrail-kms-encrypted")
            .title("CloudTrail logs are encrypted with a customer-managed key")
            .resourceType(ResourceType.AwsCloudTrailTrail)
            .severity(Severity.MEDIUM)
            .passesWhen("The trail names a KMS key (SSE-KMS), and the key is customer-managed.")
            .rationale("The audit trail of every key use is itself sensitive: with a customer key, reading the logs needs kms:Decrypt "
                    + "granted by the security team, not just s3:GetObject on the log bucket.")
            .remediation("CloudTrail console > Trails > the trail > General details > Edit > Log file SSE-KMS encryption: Enabled, "
                            + "with a customer-managed key whose policy lets CloudTrail encrypt.",
                    "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>")
            .mappedTo("FSBP CloudTrail.2", "CIS 3.5", "Config cloud-trail-encryption-enabled", "Prowler cloudtrail_kms_encryption_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Trail trail, Evaluation evaluation) {
        if (trail.kmsKeyId() == null) {
            return Verdict.fail("logs are encrypted with S3-managed keys only").with("kmsKey", "none");
        }
        KeyResolution key = evaluation.resolveKey(trail.kmsKeyId(), trail.accountId(), trail.homeRegion());
        if (!key.resolved()) {
            return Verdict.notEvaluated(key.unresolvedReason(), key.operation(), key.detail()).with("kmsKey", trail.kmsKeyId());
        }
        return key.tier() == KeyTier.KMS_CUSTOMER_MANAGED
                ? Verdict.pass("logs encrypted with a customer key").with("kmsKey", trail.kmsKeyId())
                : Verdict.fail("logs encrypted with a " + key.tier() + " key").with("kmsKey", trail.kmsKeyId()).with("actual", key.tier());
    }
}
