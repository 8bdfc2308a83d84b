package io.atrest.scanner.check.efs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.EncryptionCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** EFS file systems are encrypted at rest. */
public final class EfsEncrypted extends EncryptionCheck<EfsFileSystem> {

    public static final CheckInfo INFO = CheckInfo.builder("efs-encrypted")
            .title("EFS file systems are encrypted at rest")
            .resourceType(ResourceType.AwsEfsFileSystem)
            .severity(Severity.HIGH)
            .passesWhen("The file system is encrypted at rest.")
            .rationale("Encryption at rest is chosen when an EFS file system is created; an unencrypted one stays so until its data moves.")
            .remediation("Create an encrypted file system (EFS console > Create > Encryption enabled) and copy the data with AWS DataSync; then delete the old one.",
                    "aws efs create-file-system --encrypted --kms-key-id <key-arn> --tags Key=Name,Value=<name>")
            .mappedTo("FSBP EFS.1", "Config efs-encrypted-check", "Prowler efs_encryption_at_rest_enabled")
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
