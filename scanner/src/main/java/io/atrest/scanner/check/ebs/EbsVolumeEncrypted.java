package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** EBS volumes are encrypted. */
public final class EbsVolumeEncrypted extends EncryptionCheck<EbsVolume> {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-volume-encrypted")
            .title("EBS volumes are encrypted")
            .resourceType(ResourceType.AwsEc2Volume)
            .severity(Severity.HIGH)
            .passesWhen("The volume is encrypted (with aws/ebs or a customer key).")
            .rationale("An unencrypted volume, and every snapshot taken of it, can be read by anyone who gets a copy of the disk or the snapshot.")
            .remediation("Create an encrypted snapshot copy (EC2 console > Snapshots > Copy > Encrypt), create a volume from it, swap it in for the old one; turn on EBS encryption by default so new volumes are encrypted.",
                    "aws ec2 create-snapshot --volume-id <volume-id> && aws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted --kms-key-id <key-arn>")
            .mappedTo("FSBP EC2.3", "Config encrypted-volumes", "Prowler ec2_ebs_volume_encryption")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EbsVolume> stores(Inventory inventory) {
        return inventory.volumes();
    }
}
