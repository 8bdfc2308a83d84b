package io.atrest.scanner.stores.backup;

import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PolicyStore;
import io.atrest.scanner.inventory.StoreEncryption;
import java.util.Map;

/**
 * An AWS Backup vault: its recovery points are encrypted with the vault's KMS key (the AWS-managed
 * aws/backup key unless another is named).
 */
public record BackupVault(
        String accountId,
        String region,
        String vaultName,
        String arn,
        String encryptionKeyArn,
        Observed<String> resourcePolicy,
        Observed<Map<String, String>> tags) implements PolicyStore {

    public static final ResourceType TYPE = new ResourceType("AwsBackupBackupVault");

    @Override
    public String displayName() {
        return vaultName;
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
        return Observed.of(StoreEncryption.kms(encryptionKeyArn, "alias/aws/backup"));
    }
}
