package io.atrest.scanner.check.efs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.LevelDemandCheck;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Automatic backups are on for file systems whose level demands them. */
public final class EfsBackup extends LevelDemandCheck<EfsFileSystem> {

    public static final CheckInfo INFO = CheckInfo.builder("efs-backup")
            .title("EFS automatic backups are on where the classification demands them")
            .resourceType(ResourceType.AwsEfsFileSystem)
            .severity(Severity.LOW)
            .passesWhen("The file system's backup policy is ENABLED, for levels that require backups.")
            .rationale("Files deleted or encrypted by ransomware on a shared file system are gone for every client at once; "
                    + "daily AWS Backup copies make them recoverable.")
            .remediation("EFS console > file system > Edit > Automatic backups: Enabled.",
                    "aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED")
            .mappedTo("FSBP EFS.2", "Prowler efs_have_backup_enabled")
            .build();

    public EfsBackup() {
        super(Level::requireBackups, "backups");
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EfsFileSystem> stores(Inventory inventory) {
        return inventory.efsFileSystems();
    }

    @Override
    protected Verdict judge(EfsFileSystem fs, Level level, Evaluation evaluation) {
        if (!fs.automaticBackups().isKnown()) {
            return Verdict.notEvaluated(fs.automaticBackups().error());
        }
        return Boolean.TRUE.equals(fs.automaticBackups().value())
                ? Verdict.pass("automatic backups on").with("backups", true)
                : Verdict.fail("automatic backups off on a " + level.name() + " file system").with("backups", false);
    }
}
