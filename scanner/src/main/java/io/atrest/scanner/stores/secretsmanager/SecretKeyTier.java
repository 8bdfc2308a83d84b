package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Secrets use the key tier their classification demands. */
public final class SecretKeyTier extends KeyTierCheck<Secret> {

    public static final CheckInfo INFO = CheckInfo.builder("secretsmanager-key-tier")
            .title("Secrets use the key tier their classification demands")
            .resourceType(Secret.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the secret (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A secret opens other stores; with the AWS-managed key, anyone the account lets use Secrets "
                    + "Manager can read it, while a customer-managed key's policy decides who may decrypt it.")
            .remediation("Secrets Manager console > secret > Encryption key > Edit: choose a customer-managed key of the "
                    + "right level (the next rotation re-encrypts the value).",
                    "aws secretsmanager update-secret --secret-id <secret> --kms-key-id <key-arn>")
            .mappedTo("Config secretsmanager-using-cmk")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<Secret> stores(Inventory inventory) {
        return inventory.storesOf(Secret.class);
    }
}
