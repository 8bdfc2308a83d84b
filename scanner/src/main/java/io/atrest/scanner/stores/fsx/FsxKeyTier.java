package io.atrest.scanner.stores.fsx;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** File systems use the key tier their classification demands. */
public final class FsxKeyTier extends KeyTierCheck<FsxFileSystem> {

    public static final CheckInfo INFO = CheckInfo.builder("fsx-key-tier")
            .title("File systems use the key tier their classification demands")
            .resourceType(FsxFileSystem.TYPE)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts the file system (none < provider-owned < AWS-managed KMS < "
                    + "customer-managed KMS) meets the minimum the policy sets for its classification level.")
            .rationale("Shared file systems hold whole departments' documents; a customer-managed key decides who may "
                    + "read them and their backups.")
            .remediation("Create a file system encrypted with a customer-managed key of the right level and copy the data "
                    + "(AWS DataSync, or a backup restored with the new key); the key of a file system cannot be "
                    + "changed.",
                    "aws fsx create-file-system-from-backup --backup-id <backup> --subnet-ids <subnet> --kms-key-id "
                    + "<key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<FsxFileSystem> stores(Inventory inventory) {
        return inventory.storesOf(FsxFileSystem.class);
    }
}
