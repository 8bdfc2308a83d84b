package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Domains use the key tier their classification demands. */
public final class OpenSearchKeyTier extends KeyTierCheck<OpenSearchDomain> {

    public static final CheckInfo INFO = CheckInfo.builder("opensearch-key-tier")
            .title("Domains use the key tier their classification demands")
            .resourceType(OpenSearchDomain.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the domain (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A customer-managed key lets the owner decide who may decrypt the indexes and their snapshots, "
                    + "and revoke it.")
            .remediation("Create a domain encrypted with a customer-managed key of the right level and restore a manual "
                    + "snapshot into it; the key of an encrypted domain cannot be changed.",
                    "aws opensearch create-domain --domain-name <new-domain> --encryption-at-rest-options "
                    + "Enabled=true,KmsKeyId=<key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<OpenSearchDomain> stores(Inventory inventory) {
        return inventory.storesOf(OpenSearchDomain.class);
    }
}
