package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** No disabled key still protects a live data store: its data cannot be read while the key is off. */
public final class KmsDisabledInUse extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-disabled-in-use")
            .title("No disabled KMS key still protects a live data store")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.CRITICAL)
            .passesWhen("Every key in Disabled state protects no store that still exists.")
            .rationale("A disabled key makes every store under it unreadable: volumes will not attach, databases will not start, "
                    + "objects will not download. Often a step towards deletion taken without checking who depends on it.")
            .remediation("KMS console > Customer managed keys > key > Key actions > Enable, then move the stores to another key "
                            + "before disabling it again.",
                    "aws kms enable-key --key-id <key-id> --region <region>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (key.state() != KeyState.DISABLED) {
            return Verdict.notApplicable("key is " + key.state()).with("state", key.state());
        }
        List<DataStore> stores = evaluation.storesProtectedBy(key);
        if (!stores.isEmpty()) {
            return Verdict.fail(stores.size() + " live store(s) encrypted under a disabled key")
                    .with("state", key.state())
                    .with("stores", stores.stream().map(DataStore::arn).collect(Collectors.joining(",")));
        }
        Optional<CollectionError> blind = evaluation.storeGap(key.accountId(), key.region());
        if (blind.isPresent()) {
            return Verdict.notEvaluated(blind.get()).with("state", key.state());
        }
        return Verdict.pass("disabled, protects no store seen in the scan").with("state", key.state());
    }
}
