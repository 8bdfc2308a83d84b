package io.atrest.scanner.stores.backup;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;

/** ListBackupVaults per region and page (the key is in the listing), then each vault's access policy and tags. */
final class BackupCollector implements StoreCollector {
    /** GetBackupVaultAccessPolicy's answer for a vault that has no policy. */
    static final Set<String> NO_POLICY = Set.of("ResourceNotFoundException");

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        BackupClient backup = clients.client(BackupClient.class, BackupClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<BackupVaultListMember>> vaults = calls.observe("backup", "ListBackupVaults", null,
                () -> backup.listBackupVaultsPaginator(r -> { }).backupVaultList().stream().toList());
        if (!vaults.isKnown()) {
            return;
        }
        for (BackupVaultListMember v : vaults.value()) {
            Observed<String> policy = calls.observe("backup", "GetBackupVaultAccessPolicy", v.backupVaultArn(),
                    () -> backup.getBackupVaultAccessPolicy(r -> r.backupVaultName(v.backupVaultName())).policy(), NO_POLICY, null);
            Observed<Map<String, String>> tags = calls.observe("backup", "ListTags", v.backupVaultArn(),
                    () -> new LinkedHashMap<>(backup.listTagsPaginator(r -> r.resourceArn(v.backupVaultArn())).stream()
                            .flatMap(page -> page.tags().entrySet().stream())
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b))));
            sink.store(new BackupVault(accountId, region, v.backupVaultName(), v.backupVaultArn(), v.encryptionKeyArn(), policy, tags));
        }
    }
}
