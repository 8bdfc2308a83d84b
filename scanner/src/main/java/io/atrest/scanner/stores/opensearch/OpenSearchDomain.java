package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An OpenSearch Service (or Elasticsearch) domain. Encryption at rest with no key named uses the
 * AWS-managed aws/es key.
 */
public record OpenSearchDomain(
        String accountId,
        String region,
        String domainName,
        String arn,
        boolean encryptedAtRest,
        String kmsKeyId,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsOpenSearchServiceDomain");

    @Override
    public String displayName() {
        return domainName;
    }

    @Override
    public String resourceType() {
        return TYPE.name();
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return tags;
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(encryptedAtRest ? StoreEncryption.kms(kmsKeyId, "alias/aws/es") : StoreEncryption.NONE);
    }
}
