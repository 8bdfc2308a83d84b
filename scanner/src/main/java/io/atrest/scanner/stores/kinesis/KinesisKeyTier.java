package io.atrest.scanner.stores.kinesis;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Streams use the key tier their classification demands. */
public final class KinesisKeyTier extends KeyTierCheck<KinesisStream> {

    public static final CheckInfo INFO = CheckInfo.builder("kinesis-key-tier")
            .title("Streams use the key tier their classification demands")
            .resourceType(KinesisStream.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the stream (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide which producers and consumers may use the records, "
                    + "and revoke it.")
            .remediation("Kinesis console > stream > Configuration > Encryption > Edit: choose a customer-managed key of "
                    + "the right level.",
                    "aws kinesis start-stream-encryption --stream-name <stream> --encryption-type KMS --key-id "
                    + "<key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<KinesisStream> stores(Inventory inventory) {
        return inventory.storesOf(KinesisStream.class);
    }
}
