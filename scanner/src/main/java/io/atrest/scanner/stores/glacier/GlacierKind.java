package io.atrest.scanner.stores.glacier;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** S3 Glacier vaults, declared once. */
public final class GlacierKind {
    public static final StoreKind<GlacierVault> KIND = StoreKind.of(GlacierVault.TYPE, GlacierVault.class)
            .title("S3 Glacier vaults")
            .cliName("vault", CliName.Form.NAME)
            .asff("Other")
            .task("glacier")
            .call("Glacier", "ListVaults", "glacier:ListVaults")
            .call("Glacier", "GetVaultAccessPolicy", "glacier:GetVaultAccessPolicy")
            .call("Glacier", "ListTagsForVault", "glacier:ListTagsForVault")
            .listing(Listing.of("glacier:ListVaults"))
            .collector(new GlacierCollector())
            .checks(GlacierVaultNotPublic::new)
            .build();

    private GlacierKind() {}
}
