package io.atrest.scanner.stores.glacier;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.PolicyNotPublicCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** S3 Glacier vaults are not open to everyone. */
public final class GlacierVaultNotPublic extends PolicyNotPublicCheck<GlacierVault> {

    public static final CheckInfo INFO = CheckInfo.builder("glacier-not-public")
            .title("S3 Glacier vaults are not open to everyone")
            .resourceType(GlacierVault.TYPE)
            .severity(Severity.CRITICAL)
            .passesWhen("The vault's access policy (GetVaultAccessPolicy) has no Allow to everyone that a caller from "
                    + "outside the company could meet, on a Resource that covers the vault; no policy passes.")
            .rationale("Archives are kept for years; a vault open to everyone lets strangers retrieve or delete them.")
            .remediation("S3 Glacier console > vault > Permissions > Edit policy: remove the statements granting to \"*\".",
                    "aws glacier set-vault-access-policy --account-id - --vault-name <vault> --policy "
                    + "file://vault-policy.json")
            .mappedTo("Prowler glacier_vaults_policy_public_access")
            .build();

    public GlacierVaultNotPublic() {
        super("glacier:GetVaultAccessPolicy");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<GlacierVault> stores(Inventory inventory) {
        return inventory.storesOf(GlacierVault.class);
    }
}
