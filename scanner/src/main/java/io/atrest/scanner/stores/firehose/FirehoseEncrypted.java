package io.atrest.scanner.stores.firehose;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Firehose delivery streams are encrypted at rest. */
public final class FirehoseEncrypted extends EncryptionCheck<FirehoseStream> {

    public static final CheckInfo INFO = CheckInfo.builder("firehose-encrypted")
            .title("Firehose delivery streams are encrypted at rest")
            .resourceType(FirehoseStream.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeDeliveryStream reports DeliveryStreamEncryptionConfiguration Status ENABLED (or "
                    + "ENABLING), with an AWS-owned or a customer-managed key.")
            .rationale("Firehose buffers records for up to a day before delivering them; unencrypted, the buffer holds "
                    + "them in the clear.")
            .remediation("Data Firehose console > stream > Configuration > Server-side encryption > Edit: enable it.",
                    "aws firehose start-delivery-stream-encryption --delivery-stream-name <stream> "
                    + "--delivery-stream-encryption-configuration-input KeyType=AWS_OWNED_CMK")
            .mappedTo("FSBP DataFirehose.1", "Prowler firehose_stream_encrypted_at_rest")
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
