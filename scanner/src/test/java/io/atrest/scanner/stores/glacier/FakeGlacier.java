package io.atrest.scanner.stores.glacier;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;
import software.amazon.awssdk.services.glacier.model.GetVaultAccessPolicyRequest;
import software.amazon.awssdk.services.glacier.model.GetVaultAccessPolicyResponse;
import software.amazon.awssdk.services.glacier.model.ListTagsForVaultRequest;
import software.amazon.awssdk.services.glacier.model.ListTagsForVaultResponse;
import software.amazon.awssdk.services.glacier.model.ListVaultsRequest;
import software.amazon.awssdk.services.glacier.model.ListVaultsResponse;
import software.amazon.awssdk.services.glacier.model.VaultAccessPolicy;

/** A fake S3 Glacier: the region's vaults, paged by marker; policies by vault name (none: ResourceNotFoundException); tags by name. */
public final class FakeGlacier {
    private FakeGlacier() {}

    public static GlacierClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(GlacierClient.class, account.id, "Glacier", log, Map.of(
                "listVaults", request -> {
                    Pages<DescribeVaultOutput> page = Pages.of(here.of(DescribeVaultOutput.class), ((ListVaultsRequest) request).marker(), pageSize);
                    return ListVaultsResponse.builder().vaultList(page.items()).marker(page.next()).build();
                },
                "getVaultAccessPolicy", request -> {
                    String policy = here.policies.get(((GetVaultAccessPolicyRequest) request).vaultName());
                    if (policy == null) {
                        throw CallLog.error("ResourceNotFoundException", 404);
                    }
                    return GetVaultAccessPolicyResponse.builder().policy(VaultAccessPolicy.builder().policy(policy).build()).build();
                },
                "listTagsForVault", request -> ListTagsForVaultResponse.builder()
                        .tags(here.tags.getOrDefault(((ListTagsForVaultRequest) request).vaultName(), Map.of())).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(DescribeVaultOutput.class).add(DescribeVaultOutput.builder().vaultName(name).vaultARN("arn:aws:glacier:" + region + ":" + account.id + ":vaults/" + name).build());
    }
}
