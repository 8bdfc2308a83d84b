package io.atrest.scanner.stores.backup;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.GetBackupVaultAccessPolicyRequest;
import software.amazon.awssdk.services.backup.model.GetBackupVaultAccessPolicyResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;

/** A fake AWS Backup: the region's vaults, paged by NextToken; policies by vault name (none: ResourceNotFoundException); tags by ARN. */
public final class FakeBackup {
    private FakeBackup() {}

    public static BackupClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(BackupClient.class, account.id, "Backup", log, Map.of(
                "listBackupVaults", request -> {
                    Pages<BackupVaultListMember> page = Pages.of(here.of(BackupVaultListMember.class),
                            ((ListBackupVaultsRequest) request).nextToken(), pageSize);
                    return ListBackupVaultsResponse.builder().backupVaultList(page.items()).nextToken(page.next()).build();
                },
                "getBackupVaultAccessPolicy", request -> {
                    String policy = here.policies.get(((GetBackupVaultAccessPolicyRequest) request).backupVaultName());
                    if (policy == null) {
                        throw CallLog.error("ResourceNotFoundException", 404);
                    }
                    return GetBackupVaultAccessPolicyResponse.builder().policy(policy).build();
                },
                "listTags", request -> ListTagsResponse.builder().tags(here.tags.getOrDefault(((ListTagsRequest) request).resourceArn(), Map.of()))
                        .build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(BackupVaultListMember.class).add(BackupVaultListMember.builder().backupVaultName(name).backupVaultArn("arn:aws:backup:" + region + ":" + account.id + ":backup-vault:" + name)
                .encryptionKeyArn("arn:aws:kms:" + region + ":" + account.id + ":alias/aws/backup").build());
    }
}
