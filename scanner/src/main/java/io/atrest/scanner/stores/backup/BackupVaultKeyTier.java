package io.atrest.scanner.stores.backup;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Vaults use the key tier their classification demands. */
public final class BackupVaultKeyTier extends KeyTierCheck<BackupVault> {

    public static final CheckInfo INFO = CheckInfo.builder("backup-vault-key-tier")
            .title("Vaults use the key tier their classification demands")
            .resourceType(BackupVault.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the vault (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("A vault holds copies of every store it backs up; its key must be at least as strong as the most "
                    + "sensitive of them.")
            .remediation("Create a vault encrypted with a customer-managed key of the right level (AWS Backup console > "
                    + "Backup vaults > Create) and point the backup plans' rules at it; the key of a vault cannot be "
                    + "changed.",
                    "aws backup create-backup-vault --backup-vault-name <new-vault> --encryption-key-arn <key-arn>")
            .mappedTo("Prowler backup_vaults_encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<BackupVault> stores(Inventory inventory) {
        return inventory.storesOf(BackupVault.class);
    }
}
