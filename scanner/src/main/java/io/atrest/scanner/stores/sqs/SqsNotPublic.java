package io.atrest.scanner.stores.sqs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.PolicyNotPublicCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** SQS queues are not open to everyone. */
public final class SqsNotPublic extends PolicyNotPublicCheck<SqsQueue> {

    public static final CheckInfo INFO = CheckInfo.builder("sqs-not-public")
            .title("SQS queues are not open to everyone")
            .resourceType(SqsQueue.TYPE)
            .severity(Severity.CRITICAL)
            .passesWhen("The queue's policy (GetQueueAttributes Policy) has no Allow to everyone that a caller from "
                    + "outside the company could meet, on a Resource that covers the queue; no policy passes.")
            .rationale("A queue open to everyone lets strangers read, delete or inject the messages it carries.")
            .remediation("SQS console > queue > Access policy > Edit: remove the statements granting to \"*\", or restrict "
                    + "them with aws:SourceArn or aws:PrincipalOrgID.",
                    "aws sqs set-queue-attributes --queue-url <queue-url> --attributes "
                    + "Policy=file://queue-policy.json")
            .mappedTo("FSBP SQS.3", "Prowler sqs_queues_not_publicly_accessible")
            .build();

    public SqsNotPublic() {
        super("sqs:GetQueueAttributes");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<SqsQueue> stores(Inventory inventory) {
        return inventory.storesOf(SqsQueue.class);
    }
}
