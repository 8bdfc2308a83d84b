package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** SQS queues, declared once. */
public final class SqsKind {
    public static final StoreKind<SqsQueue> KIND = StoreKind.of(SqsQueue.TYPE, SqsQueue.class)
            .title("SQS queues")
            .cliName("queue-url", CliName.Form.QUEUE_URL)
            .task("sqs")
            .call("Sqs", "ListQueues", "sqs:ListQueues")
            .call("Sqs", "GetQueueAttributes", "sqs:GetQueueAttributes")
            .call("Sqs", "ListQueueTags", "sqs:ListQueueTags")
            .listing(Listing.of("sqs:ListQueues"))
            .collector(new SqsCollector())
            .checks(SqsEncrypted::new, SqsKeyTier::new, SqsNotPublic::new)
            .build();

    private SqsKind() {}
}
