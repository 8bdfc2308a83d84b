package io.atrest.scanner.stores.backup;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.PolicyNotPublicCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** AWS Backup vaults are not open to everyone. */
public final class BackupVaultNotPublic extends PolicyNotPublicCheck<BackupVault> {

    public static final CheckInfo INFO = CheckInfo.builder("backup-vault-not-public")
            .title("AWS Backup vaults are not open to everyone")
            .resourceType(BackupVault.TYPE)
            .severity(Severity.CRITICAL)
            .passesWhen("The vault's access policy (GetBackupVaultAccessPolicy) has no Allow to everyone that a caller "
                    + "from outside the company could meet, on a Resource that covers the vault; no policy passes.")
            .rationale("A vault policy open to everyone lets strangers copy or restore recovery points of the company's "
                    + "data.")
            .remediation("AWS Backup console > Backup vaults > vault > Access policy > Edit: remove the statements "
                    + "granting to \"*\", or add conditions on aws:PrincipalOrgID.",
                    "aws backup put-backup-vault-access-policy --backup-vault-name <vault> --policy "
                    + "file://vault-policy.json")
            .build();

    public BackupVaultNotPublic() {
        super("backup:GetBackupVaultAccessPolicy");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<BackupVault> stores(Inventory inventory) {
        return inventory.storesOf(BackupVault.class);
    }
}
