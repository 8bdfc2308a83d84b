package io.atrest.scanner.check.rds;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** RDS snapshots are encrypted. */
public final class RdsSnapshotEncrypted extends EncryptionCheck<RdsSnapshot> {

    public static final CheckInfo INFO = CheckInfo.builder("rds-snapshot-encrypted")
            .title("RDS snapshots are encrypted")
            .resourceType(ResourceType.AwsRdsDbSnapshot)
            .severity(Severity.HIGH)
            .passesWhen("Manual DB and cluster snapshots are encrypted.")
            .rationale("A database snapshot holds the whole database; unencrypted, anyone it is shared with can restore and read it.")
            .remediation("RDS console > Snapshots > the snapshot > Actions > Copy snapshot > Enable encryption with a KMS key; delete the unencrypted one.",
                    "aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-encrypted --kms-key-id <key-arn>")
            .mappedTo("FSBP RDS.4", "Config rds-snapshot-encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RdsSnapshot> stores(Inventory inventory) {
        return inventory.rdsSnapshots();
    }
}
