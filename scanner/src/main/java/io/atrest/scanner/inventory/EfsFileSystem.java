package io.atrest.scanner.inventory;

import java.util.Map;

/**
 * An EFS file system.
 *
 * @param automaticBackups whether its backup policy is ENABLED; unknown when it could not be read
 */
public record EfsFileSystem(
        String accountId,
        String region,
        String fileSystemId,
        String arn,
        String name,
        boolean encrypted,
        String kmsKeyId,
        Observed<Boolean> automaticBackups,
        Map<String, String> tags) implements DataStore {

    public EfsFileSystem {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String displayName() {
        return name != null ? name : fileSystemId;
    }

    @Override
    public String resourceType() {
        return "AwsEfsFileSystem";
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return Observed.of(tags);
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(encrypted ? StoreEncryption.kms(kmsKeyId, "alias/aws/elasticfilesystem") : StoreEncryption.NONE);
    }
}
