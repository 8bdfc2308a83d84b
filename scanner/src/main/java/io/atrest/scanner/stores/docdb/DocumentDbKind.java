package io.atrest.scanner.stores.docdb;

import io.atrest.scanner.stores.Listing;
import io.atrest.scanner.stores.StoreKind;

/** DocumentDB clusters, declared once. */
public final class DocumentDbKind {
    public static final StoreKind<DocumentDbCluster> KIND = StoreKind.of(DocumentDbCluster.TYPE, DocumentDbCluster.class)
            .title("DocumentDB clusters")
            .asff("AwsRdsDbCluster")
            .task("docdb")
            .call("Rds", "DescribeDBClusters", "rds:DescribeDBClusters")
            .listing(Listing.scoped("rds:DescribeDBClusters", "engine=docdb"))
            .collector(new DocumentDbCollector())
            .checks(DocumentDbEncrypted::new, DocumentDbKeyTier::new)
            .build();

    private DocumentDbKind() {}
}
