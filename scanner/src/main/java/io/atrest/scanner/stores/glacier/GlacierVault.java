package io.atrest.scanner.stores.glacier;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An S3 Glacier vault: archives are always encrypted with AES-256 keys Glacier owns.
 */
public record GlacierVault(
        String accountId,
        String region,
        String name,
        String arn,
        Observed<String> resourcePolicy,
        Observed<Map<String, String>> tags) implements PolicyStore {

    public static final ResourceType TYPE = new ResourceType("AwsGlacierVault");

    @Override
    public String displayName() {
        return name;
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
        return Observed.of(StoreEncryption.PROVIDER_OWNED);
    }
}
