package io.atrest.scanner.stores.sns;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Topics use the key tier their classification demands. */
public final class SnsKeyTier extends KeyTierCheck<SnsTopic> {

    public static final CheckInfo INFO = CheckInfo.builder("sns-key-tier")
            .title("Topics use the key tier their classification demands")
            .resourceType(SnsTopic.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the topic (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide which publishers and subscribers may use the "
                    + "messages, and revoke it.")
            .remediation("SNS console > topic > Edit > Encryption: choose a customer-managed key of the right level.",
                    "aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name KmsMasterKeyId "
                    + "--attribute-value <key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<SnsTopic> stores(Inventory inventory) {
        return inventory.storesOf(SnsTopic.class);
    }
}
