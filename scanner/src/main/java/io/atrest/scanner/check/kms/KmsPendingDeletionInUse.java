package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * No key scheduled for deletion still protects live data. When the key goes, every object it
 * encrypted becomes unreadable for good, so this names the stores and the days left.
 *
 * <p>A key not pending deletion is NOT_APPLICABLE. A pending key that protects nothing we saw
 * passes only if we saw everything that could use it: when the stores of its account and region
 * could not all be read, the answer is NOT_EVALUATED.
 */
public final class KmsPendingDeletionInUse extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-pending-deletion-in-use")
            .title("No KMS key pending deletion still protects a live data store")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.CRITICAL)
            .passesWhen("Every key in PendingDeletion state protects no bucket (or other store) that still exists.")
            .rationale("Deleting a KMS key destroys every piece of data encrypted under it, irrecoverably. A key "
                    + "scheduled for deletion while data still depends on it is data loss on a timer.")
            .remediation("KMS console > Customer managed keys > key > Key actions > Cancel key deletion, then re-enable "
                            + "the key; re-encrypt the stores under another key before scheduling deletion again.",
                    "aws kms cancel-key-deletion --key-id <key-id> --region <region> && aws kms enable-key --key-id <key-id> --region <region>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (!key.state().pendingDeletion()) {
            return Verdict.notApplicable("key is " + key.state()).with("state", key.state());
        }
        String daysLeft = key.deletionDate() == null
                ? "unknown"
                : Long.toString(Math.max(0, Duration.between(evaluation.now(), key.deletionDate()).toDays()));
        List<DataStore> stores = evaluation.storesProtectedBy(key);
        if (!stores.isEmpty()) {
            return Verdict.fail(stores.size() + " live store(s) still encrypted under a key deleted in " + daysLeft + " day(s)")
                    .with("state", key.state())
                    .with("deletionDate", key.deletionDate())
                    .with("daysLeft", daysLeft)
                    .with("stores", stores.stream().map(DataStore::arn).collect(Collectors.joining(",")));
        }
        Optional<CollectionError> blind = evaluation.storeGap(key.accountId(), key.region());
        if (blind.isPresent()) {
            return Verdict.notEvaluated(blind.get())
                    .with("state", key.state())
                    .with("daysLeft", daysLeft);
        }
        return Verdict.pass("pending deletion, protects no store seen in the scan")
                .with("state", key.state())
                .with("daysLeft", daysLeft);
    }

}
