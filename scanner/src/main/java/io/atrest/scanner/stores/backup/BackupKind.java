package io.atrest.scanner.stores.backup;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** AWS Backup vaults, declared once. */
public final class BackupKind {
    public static final StoreKind<BackupVault> KIND = StoreKind.of(BackupVault.TYPE, BackupVault.class)
            .title("AWS Backup vaults")
            .cliName("vault", CliName.Form.NAME)
            .task("backup")
            .call("Backup", "ListBackupVaults", "backup:ListBackupVaults")
            .call("Backup", "GetBackupVaultAccessPolicy", "backup:GetBackupVaultAccessPolicy")
            .call("Backup", "ListTags", "backup:ListTags")
            .listing(Listing.of("backup:ListBackupVaults"))
            .collector(new BackupCollector())
            .checks(BackupVaultKeyTier::new, BackupVaultNotPublic::new)
            .build();

    private BackupKind() {}
}
