package io.atrest.scanner.stores.secretsmanager;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** ListSecrets per region and page (key and tags are in the listing), then each secret's resource policy. */
final class SecretsManagerCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        SecretsManagerClient secrets = clients.client(SecretsManagerClient.class, SecretsManagerClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<SecretListEntry>> listed = calls.observe("secretsmanager", "ListSecrets", null,
                () -> secrets.listSecretsPaginator(r -> { }).stream().flatMap(page -> page.secretList().stream()).toList());
        if (!listed.isKnown()) {
            return;
        }
        for (SecretListEntry s : listed.value()) {
            // No resource policy: GetResourcePolicy answers without one (ResourcePolicy absent).
            Observed<String> policy = calls.observe("secretsmanager", "GetResourcePolicy", s.arn(),
                    () -> secrets.getResourcePolicy(r -> r.secretId(s.arn())).resourcePolicy());
            sink.store(new Secret(accountId, region, s.name(), s.arn(), s.kmsKeyId(), policy, Tags.of(s.tags(), t -> t.key(), t -> t.value())));
        }
    }
}
