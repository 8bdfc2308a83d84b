package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** Secrets Manager secrets, declared once. */
public final class SecretsManagerKind {
    public static final StoreKind<Secret> KIND = StoreKind.of(Secret.TYPE, Secret.class)
            .title("Secrets Manager secrets")
            .cliName("secret", CliName.Form.ARN)
            .task("secretsmanager")
            .call("SecretsManager", "ListSecrets", "secretsmanager:ListSecrets")
            .call("SecretsManager", "GetResourcePolicy", "secretsmanager:GetResourcePolicy")
            .listing(Listing.of("secretsmanager:ListSecrets"))
            .collector(new SecretsManagerCollector())
            .checks(SecretKeyTier::new, SecretNotPublic::new)
            .build();

    private SecretsManagerKind() {}
}
