package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** EBS volumes use the key tier their classification demands: the key's tier, from its DescribeKey record, meets the minimum of the data's level. */
public final class EbsVolumeKeyTier extends KeyTierCheck<EbsVolume> {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-volume-key-tier")
            .title("EBS volumes use the key tier their classification demands")
            .resourceType(ResourceType.AwsEc2Volume)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts it (none < provider-owned < AWS-managed KMS < customer-managed KMS) meets the "
                    + "minimum the policy sets for its classification level.")
            .rationale("Disks of sensitive systems need a key whose use the owner controls and audits.")
            .remediation("Snapshot the volume, copy the snapshot with a customer-managed key of the right level, create a volume from the copy and swap it in.",
                    "aws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted --kms-key-id <key-arn>")
            .mappedTo("Config encrypted-volumes (kmsId)")
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
