package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** OpenSearch domains are encrypted at rest. */
public final class OpenSearchEncrypted extends EncryptionCheck<OpenSearchDomain> {

    public static final CheckInfo INFO = CheckInfo.builder("opensearch-encrypted")
            .title("OpenSearch domains are encrypted at rest")
            .resourceType(OpenSearchDomain.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeDomains reports EncryptionAtRestOptions Enabled for the domain.")
            .rationale("Search indexes copy the documents they index; an unencrypted domain holds its data, its logs "
                    + "and its automated snapshots in the clear.")
            .remediation("OpenSearch console > domain > Actions > Edit security configuration > Encryption: enable "
                    + "encryption of data at rest (domains on OpenSearch 1.x or later can enable it in place).",
                    "aws opensearch update-domain-config --domain-name <domain> --encryption-at-rest-options "
                    + "Enabled=true,KmsKeyId=<key-arn>")
            .mappedTo("FSBP Opensearch.1", "Config opensearch-encrypted-at-rest", "Prowler opensearch_service_domains_encryption_at_rest_enabled")
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
