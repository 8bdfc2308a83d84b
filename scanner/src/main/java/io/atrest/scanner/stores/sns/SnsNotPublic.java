package io.atrest.scanner.stores.sns;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.PolicyNotPublicCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** SNS topics are not open to everyone. */
public final class SnsNotPublic extends PolicyNotPublicCheck<SnsTopic> {

    public static final CheckInfo INFO = CheckInfo.builder("sns-not-public")
            .title("SNS topics are not open to everyone")
            .resourceType(SnsTopic.TYPE)
            .severity(Severity.CRITICAL)
            .passesWhen("The topic's access policy (GetTopicAttributes Policy) has no Allow to everyone that a caller "
                    + "from outside the company could meet, on a Resource that covers the topic; no policy passes.")
            .rationale("A topic open to everyone lets strangers subscribe to its messages or publish into it.")
            .remediation("SNS console > topic > Edit > Access policy: remove the statements granting to \"*\", or restrict "
                    + "them with aws:SourceArn or aws:PrincipalOrgID.",
                    "aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name Policy --attribute-value "
                    + "file://topic-policy.json")
            .mappedTo("Prowler sns_topics_not_publicly_accessible")
            .build();

    public SnsNotPublic() {
        super("sns:GetTopicAttributes");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<SnsTopic> stores(Inventory inventory) {
        return inventory.storesOf(SnsTopic.class);
    }
}
