package io.atrest.scanner.stores.glacier;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;

/** ListVaults per region and page, then each vault's access policy and tags ("-": the caller's own account). */
final class GlacierCollector implements StoreCollector {
    /** GetVaultAccessPolicy's answer for a vault that has no policy. */
    static final Set<String> NO_POLICY = Set.of("ResourceNotFoundException");

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        GlacierClient glacier = clients.client(GlacierClient.class, GlacierClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<DescribeVaultOutput>> vaults = calls.observe("glacier", "ListVaults", null,
                () -> glacier.listVaultsPaginator(r -> r.accountId("-")).vaultList().stream().toList());
        if (!vaults.isKnown()) {
            return;
        }
        for (DescribeVaultOutput v : vaults.value()) {
            Observed<String> policy = calls.observe("glacier", "GetVaultAccessPolicy", v.vaultARN(),
                    () -> glacier.getVaultAccessPolicy(r -> r.accountId("-").vaultName(v.vaultName())).policy().policy(), NO_POLICY, null);
            Observed<Map<String, String>> tags = calls.observe("glacier", "ListTagsForVault", v.vaultARN(),
                    () -> glacier.listTagsForVault(r -> r.accountId("-").vaultName(v.vaultName())).tags());
            sink.store(new GlacierVault(accountId, region, v.vaultName(), v.vaultARN(), policy, tags));
        }
    }
}
