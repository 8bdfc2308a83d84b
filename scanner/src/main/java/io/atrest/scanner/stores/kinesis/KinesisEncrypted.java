package io.atrest.scanner.stores.kinesis;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Kinesis data streams are encrypted at rest. */
public final class KinesisEncrypted extends EncryptionCheck<KinesisStream> {

    public static final CheckInfo INFO = CheckInfo.builder("kinesis-encrypted")
            .title("Kinesis data streams are encrypted at rest")
            .resourceType(KinesisStream.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeStreamSummary reports EncryptionType KMS for the stream.")
            .rationale("A stream keeps every record for its retention period, up to a year; unencrypted, they sit in "
                    + "the clear.")
            .remediation("Kinesis console > stream > Configuration > Encryption > Edit: enable server-side encryption "
                    + "with a KMS key of the right level.",
                    "aws kinesis start-stream-encryption --stream-name <stream> --encryption-type KMS --key-id "
                    + "<key-arn>")
            .mappedTo("FSBP Kinesis.1", "Config kinesis-stream-encrypted", "Prowler kinesis_stream_encrypted_at_rest")
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
