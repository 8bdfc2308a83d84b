package io.atrest.scanner.stores.logs;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * A CloudWatch Logs log group: its events are encrypted with keys CloudWatch Logs owns, or with
 * the KMS key associated with it.
 */
public record LogGroup(
        String accountId,
        String region,
        String name,
        String arn,
        String kmsKeyId,
        Observed<Map<String, String>> tags) implements DataStore {

    public static final ResourceType TYPE = new ResourceType("AwsLogsLogGroup");

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
        return Observed.of(kmsKeyId == null ? StoreEncryption.PROVIDER_OWNED : StoreEncryption.kms(kmsKeyId, null));
    }
}
