package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;

/** ListDomainNames per region, DescribeDomains five names at a time (its limit), then each domain's tags. */
final class OpenSearchCollector implements StoreCollector {
    /** DescribeDomains takes at most five domain names. */
    private static final int DESCRIBE_BATCH = 5;

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        OpenSearchClient opensearch = clients.client(OpenSearchClient.class, OpenSearchClient::builder, region);
        Calls calls = new Calls(accountId, region, sink);
        Observed<List<String>> names = calls.observe("opensearch", "ListDomainNames", null,
                () -> opensearch.listDomainNames(r -> { }).domainNames().stream().map(DomainInfo::domainName).toList());
        if (!names.isKnown()) {
            return;
        }
        for (int from = 0; from < names.value().size(); from += DESCRIBE_BATCH) {
            List<String> batch = new ArrayList<>(names.value().subList(from, Math.min(names.value().size(), from + DESCRIBE_BATCH)));
            Observed<List<DomainStatus>> domains = calls.observe("opensearch", "DescribeDomains", String.join(",", batch),
                    () -> opensearch.describeDomains(r -> r.domainNames(batch)).domainStatusList());
            if (!domains.isKnown()) {
                continue; // recorded as a gap of the listing: these domains are unseen
            }
            for (DomainStatus d : domains.value()) {
                Observed<Map<String, String>> tags = calls.observe("opensearch", "ListTags", d.arn(),
                        () -> Tags.of(opensearch.listTags(r -> r.arn(d.arn())).tagList(), t -> t.key(), t -> t.value()));
                boolean encrypted = d.encryptionAtRestOptions() != null && Boolean.TRUE.equals(d.encryptionAtRestOptions().enabled());
                sink.store(new OpenSearchDomain(accountId, region, d.domainName(), d.arn(), encrypted,
                        encrypted ? d.encryptionAtRestOptions().kmsKeyId() : null, tags));
            }
        }
    }
}
