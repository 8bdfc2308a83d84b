package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Delivery streams use the key tier their classification demands. */
public final class FirehoseKeyTier extends KeyTierCheck<FirehoseStream> {

    public static final CheckInfo INFO = CheckInfo.builder("firehose-key-tier")
            .title("Delivery streams use the key tier their classification demands")
            .resourceType(FirehoseStream.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the delivery stream (none < provider-owned < AWS-managed KMS "
                    + "< customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may read the buffered records, and revoke it.")
            .remediation("Data Firehose console > stream > Configuration > Server-side encryption > Edit: use a "
                    + "customer-managed key of the right level.",
                    "aws firehose start-delivery-stream-encryption --delivery-stream-name <stream> "
                    + "--delivery-stream-encryption-configuration-input KeyType=CUSTOMER_MANAGED_CMK,KeyARN=<key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<FirehoseStream> stores(Inventory inventory) {
        return inventory.storesOf(FirehoseStream.class);
    }
}
