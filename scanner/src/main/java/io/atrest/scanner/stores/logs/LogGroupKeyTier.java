package io.atrest.scanner.stores.logs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Log groups use the key tier their classification demands. */
public final class LogGroupKeyTier extends KeyTierCheck<LogGroup> {

    public static final CheckInfo INFO = CheckInfo.builder("logs-key-tier")
            .title("Log groups use the key tier their classification demands")
            .resourceType(LogGroup.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the log group (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("Application logs carry what the application handled, personal data included; a customer-managed "
                    + "key decides who may read them.")
            .remediation("Associate a customer-managed key of the right level with the log group (its key policy must "
                    + "allow logs.<region>.amazonaws.com); new events are encrypted with it.",
                    "aws logs associate-kms-key --log-group-name <log-group> --kms-key-id <key-arn>")
            .mappedTo("Config cloudwatch-log-group-encrypted", "Prowler cloudwatch_log_group_kms_encryption_enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<LogGroup> stores(Inventory inventory) {
        return inventory.storesOf(LogGroup.class);
    }
}
