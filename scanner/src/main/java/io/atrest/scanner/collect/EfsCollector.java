package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.EfsFileSystem;
import io.atrest.scanner.inventory.Observed;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;

/** Collects one region's EFS file systems and whether automatic backups are on. */
public final class EfsCollector {
    /** DescribeBackupPolicy's answer for a file system that never had a backup policy: backups off. */
    static final Set<String> NO_BACKUP_POLICY = Set.of("PolicyNotFound");

    private final String accountId;
    private final String region;
    private final EfsClient efs;
    private final InventoryBuilder sink;

    public EfsCollector(String accountId, String region, EfsClient efs, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.efs = efs;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<FileSystemDescription>> systems = calls.observe("efs", "DescribeFileSystems", null,
                () -> efs.describeFileSystemsPaginator(r -> { }).fileSystems().stream().toList());
        if (!systems.isKnown()) {
            return;
        }
        for (FileSystemDescription fs : systems.value()) {
            Observed<Boolean> backups = calls.observe("efs", "DescribeBackupPolicy", fs.fileSystemArn(),
                    () -> "ENABLED".equals(efs.describeBackupPolicy(r -> r.fileSystemId(fs.fileSystemId())).backupPolicy().statusAsString()),
                    NO_BACKUP_POLICY, false);
            sink.efsFileSystem(new EfsFileSystem(accountId, region, fs.fileSystemId(), fs.fileSystemArn(), fs.name(),
                    Boolean.TRUE.equals(fs.encrypted()), fs.kmsKeyId(), backups, Tags.of(fs.tags(), t -> t.key(), t -> t.value())));
        }
    }
}
