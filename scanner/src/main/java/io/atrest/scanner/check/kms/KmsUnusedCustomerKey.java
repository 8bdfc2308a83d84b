package io.atrest.scanner.check.kms;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.KeyCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.policy.Severity;
import java.util.Optional;

/** An enabled customer key protects at least one scanned store. Informational: applications may use keys directly. */
public final class KmsUnusedCustomerKey extends KeyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-unused-customer-key")
            .title("Enabled customer KMS keys protect a data store")
            .resourceType(ResourceType.AwsKmsKey)
            .severity(Severity.INFO)
            .passesWhen("An enabled customer-managed key is the key of at least one scanned store.")
            .rationale("Keys nobody uses cost money and widen the set of keys to govern; and an unused key may mean data went to "
                    + "a weaker key instead. Applications that call KMS directly explain some.")
            .remediation("Confirm in CloudTrail (kms events for the key) that nothing uses it, then disable it for a while "
                            + "before scheduling its deletion.",
                    "aws kms disable-key --key-id <key-id> --region <region>")
            .mappedTo("Prowler kms_cmk_are_used")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(KmsKey key, Evaluation evaluation) {
        if (!key.customerManaged() || key.state() != KeyState.ENABLED) {
            return Verdict.notApplicable(key.customerManaged() ? "key is " + key.state() : "AWS-managed key");
        }
        int stores = evaluation.storesProtectedBy(key).size();
        if (stores > 0) {
            return Verdict.pass("protects " + stores + " store(s)").with("stores", stores);
        }
        Optional<CollectionError> blind = evaluation.storeGap(key.accountId(), key.region());
        if (blind.isPresent()) {
            return Verdict.notEvaluated(blind.get());
        }
        return Verdict.fail("protects no store seen in the scan").with("stores", 0);
    }
}
