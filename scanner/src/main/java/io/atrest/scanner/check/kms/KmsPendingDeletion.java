package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.time.Duration;

/**
 * No customer key is pending deletion. Informational by severity: whether the deletion destroys
 * live data is {@code kms-pending-deletion-in-use}'s question. Key state is always known, so never NOT_EVALUATED.
 */
public final class KmsPendingDeletion extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-pending-deletion")
            .title("Customer-managed KMS keys are not scheduled for deletion")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.LOW)
            .passesWhen("The key is not in PendingDeletion state.")
            .rationale("Deletion is irreversible once the waiting period ends; every key scheduled for deletion deserves a second look "
                    + "while it can still be cancelled.")
            .remediation("KMS console > Customer managed keys > key > Key actions > Cancel key deletion (if the deletion was not intended).",
                    "aws kms cancel-key-deletion --key-id <key-id> --region <region>")
            .mappedTo("FSBP KMS.3", "Config kms-cmk-not-scheduled-for-deletion", "Prowler kms_cmk_not_deleted_unintentionally")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (!key.customerManaged()) {
            return Verdict.notApplicable("AWS-managed keys are never deleted").with("manager", key.manager());
        }
        if (!key.state().pendingDeletion()) {
            return Verdict.pass("not scheduled for deletion").with("state", key.state());
        }
        String days = key.deletionDate() == null ? "unknown"
                : Long.toString(Math.max(0, Duration.between(evaluation.now(), key.deletionDate()).toDays()));
        return Verdict.fail("scheduled for deletion in " + days + " day(s)")
                .with("state", key.state()).with("deletionDate", key.deletionDate()).with("daysLeft", days)
                .with("stores", evaluation.storesProtectedBy(key).size());
    }
}
