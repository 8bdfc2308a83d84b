package io.atrest.scanner.stores.ecr;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/** DescribeRepositories per region and page (encryption is in the listing), then each repository's tags. */
final class EcrCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        EcrClient ecr = clients.client(EcrClient.class, EcrClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<Repository>> repositories = calls.observe("ecr", "DescribeRepositories", null,
                () -> ecr.describeRepositoriesPaginator(r -> { }).repositories().stream().toList());
        if (!repositories.isKnown()) {
            return;
        }
        for (Repository repo : repositories.value()) {
            Observed<Map<String, String>> tags = calls.observe("ecr", "ListTagsForResource", repo.repositoryArn(),
                    () -> Tags.of(ecr.listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags(), t -> t.key(), t -> t.value()));
            String type = repo.encryptionConfiguration() == null ? null : repo.encryptionConfiguration().encryptionTypeAsString();
            String key = repo.encryptionConfiguration() == null ? null : repo.encryptionConfiguration().kmsKey();
            sink.store(new EcrRepository(accountId, region, repo.repositoryName(), repo.repositoryArn(), type, key, tags));
        }
    }
}
