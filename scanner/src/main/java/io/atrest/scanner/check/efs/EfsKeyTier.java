package io.atrest.scanner.check.efs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.KeyTierCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** EFS file systems use the key tier their classification demands: the key's tier, from its DescribeKey record, meets the minimum of the data's level. */
public final class EfsKeyTier extends KeyTierCheck<EfsFileSystem> {

    public static final CheckInfo INFO = CheckInfo.builder("efs-key-tier")
            .title("EFS file systems use the key tier their classification demands")
            .resourceType(ResourceType.AwsEfsFileSystem)
            .severity(Severity.HIGH)
            .severityByLevel()
            .passesWhen("The tier of the key that encrypts it (none < provider-owned < AWS-managed KMS < customer-managed KMS) meets the "
                    + "minimum the policy sets for its classification level.")
            .rationale("Shared file systems of sensitive data need a key whose use the owner controls.")
            .remediation("Create a file system encrypted with a customer-managed key of the right level and move the data with AWS DataSync.",
                    "aws efs create-file-system --encrypted --kms-key-id <key-arn>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EfsFileSystem> stores(Inventory inventory) {
        return inventory.efsFileSystems();
    }
}
