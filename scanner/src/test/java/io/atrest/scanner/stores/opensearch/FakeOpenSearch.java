package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DescribeDomainsRequest;
import software.amazon.awssdk.services.opensearch.model.DescribeDomainsResponse;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.ListDomainNamesResponse;
import software.amazon.awssdk.services.opensearch.model.ListTagsRequest;
import software.amazon.awssdk.services.opensearch.model.ListTagsResponse;
import software.amazon.awssdk.services.opensearch.model.Tag;

/** A fake OpenSearch: the region's domains by name, described at most five at a time, and their tags by ARN. */
public final class FakeOpenSearch {
    private FakeOpenSearch() {}

    public static OpenSearchClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        var here = account.in(region);
        return ProxyFake.of(OpenSearchClient.class, account.id, "OpenSearch", log, Map.of(
                "listDomainNames", request -> ListDomainNamesResponse.builder().domainNames(here.of(DomainStatus.class).stream()
                        .map(d -> DomainInfo.builder().domainName(d.domainName()).build()).toList()).build(),
                "describeDomains", request -> {
                    var names = ((DescribeDomainsRequest) request).domainNames();
                    if (names.size() > 5) {
                        throw CallLog.error("ValidationException", 400);
                    }
                    return DescribeDomainsResponse.builder().domainStatusList(here.of(DomainStatus.class).stream()
                            .filter(d -> names.contains(d.domainName())).toList()).build();
                },
                "listTags", request -> ListTagsResponse.builder().tagList(
                        here.tags.getOrDefault(((ListTagsRequest) request).arn(), Map.of()).entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(DomainStatus.class).add(DomainStatus.builder().domainName(name).arn("arn:aws:es:" + region + ":" + account.id + ":domain/" + name)
                .encryptionAtRestOptions(software.amazon.awssdk.services.opensearch.model.EncryptionAtRestOptions.builder().enabled(true).build()).build());
    }
}
