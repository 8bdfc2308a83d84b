package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** EBS snapshots are encrypted. */
public final class EbsSnapshotEncrypted extends EncryptionCheck<EbsSnapshot> {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-snapshot-encrypted")
            .title("EBS snapshots are encrypted")
            .resourceType(ResourceType.AwsEc2Snapshot)
            .severity(Severity.HIGH)
            .passesWhen("The snapshot is encrypted.")
            .rationale("Snapshots are easy to copy and share; an unencrypted one can be restored by anyone it reaches, in any account.")
            .remediation("EC2 console > Snapshots > the snapshot > Actions > Copy snapshot > Encrypt this snapshot; delete the unencrypted original.",
                    "aws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted --kms-key-id <key-arn>")
            .mappedTo("Prowler ec2_ebs_snapshots_encrypted")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EbsSnapshot> stores(Inventory inventory) {
        return inventory.snapshots();
    }
}
