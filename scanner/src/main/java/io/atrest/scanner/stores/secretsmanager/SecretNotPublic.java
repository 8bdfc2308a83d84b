package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.PolicyNotPublicCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Secrets Manager secrets are not open to everyone. */
public final class SecretNotPublic extends PolicyNotPublicCheck<Secret> {

    public static final CheckInfo INFO = CheckInfo.builder("secretsmanager-not-public")
            .title("Secrets Manager secrets are not open to everyone")
            .resourceType(Secret.TYPE)
            .severity(Severity.CRITICAL)
            .passesWhen("The secret's resource policy (GetResourcePolicy) has no Allow to everyone that a caller from "
                    + "outside the company could meet, on a Resource that covers the secret; no policy passes.")
            .rationale("A secret readable from outside hands out the credentials it holds.")
            .remediation("Secrets Manager console > secret > Resource permissions > Edit: remove the statements granting "
                    + "to \"*\", or delete the policy.",
                    "aws secretsmanager delete-resource-policy --secret-id <secret>")
            .mappedTo("Prowler secretsmanager_not_publicly_accessible")
            .build();

    public SecretNotPublic() {
        super("secretsmanager:GetResourcePolicy");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<Secret> stores(Inventory inventory) {
        return inventory.storesOf(Secret.class);
    }
}
