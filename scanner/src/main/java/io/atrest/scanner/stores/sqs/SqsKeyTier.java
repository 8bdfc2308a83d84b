package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Queues use the key tier their classification demands. */
public final class SqsKeyTier extends KeyTierCheck<SqsQueue> {

    public static final CheckInfo INFO = CheckInfo.builder("sqs-key-tier")
            .title("Queues use the key tier their classification demands")
            .resourceType(SqsQueue.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the queue (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may read the messages, and revoke it.")
            .remediation("SQS console > queue > Edit > Encryption > SSE-KMS: choose a customer-managed key of the right "
                    + "level.",
                    "aws sqs set-queue-attributes --queue-url <queue-url> --attributes KmsMasterKeyId=<key-arn>")
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
