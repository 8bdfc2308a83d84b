package io.atrest.scanner.stores.opensearch;

import io.atrest.scanner.check.CliName;
import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** OpenSearch domains, declared once. */
public final class OpenSearchKind {
    public static final StoreKind<OpenSearchDomain> KIND = StoreKind.of(OpenSearchDomain.TYPE, OpenSearchDomain.class)
            .title("OpenSearch domains")
            .cliName("domain", CliName.Form.NAME)
            .task("opensearch")
            .call("OpenSearch", "ListDomainNames", "es:ListDomainNames")
            .call("OpenSearch", "DescribeDomains", "es:DescribeDomains")
            .call("OpenSearch", "ListTags", "es:ListTags")
            .listing(Listing.of("opensearch:ListDomainNames"))
            .listing(Listing.of("opensearch:DescribeDomains"))
            .collector(new OpenSearchCollector())
            .checks(OpenSearchEncrypted::new, OpenSearchKeyTier::new)
            .build();

    private OpenSearchKind() {}
}
