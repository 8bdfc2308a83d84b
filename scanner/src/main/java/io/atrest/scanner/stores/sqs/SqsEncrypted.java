package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** SQS queues are encrypted at rest. */
public final class SqsEncrypted extends EncryptionCheck<SqsQueue> {

    public static final CheckInfo INFO = CheckInfo.builder("sqs-encrypted")
            .title("SQS queues are encrypted at rest")
            .resourceType(SqsQueue.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("GetQueueAttributes reports a KmsMasterKeyId, or SqsManagedSseEnabled true.")
            .rationale("Messages wait in a queue for up to two weeks; unencrypted, whatever they carry waits in the "
                    + "clear.")
            .remediation("SQS console > queue > Edit > Encryption: enable server-side encryption (SSE-SQS, or SSE-KMS "
                    + "with a key of the right level).",
                    "aws sqs set-queue-attributes --queue-url <queue-url> --attributes SqsManagedSseEnabled=true")
            .mappedTo("FSBP SQS.1", "Prowler sqs_queues_server_side_encryption_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<SqsQueue> stores(Inventory inventory) {
        return inventory.storesOf(SqsQueue.class);
    }
}
