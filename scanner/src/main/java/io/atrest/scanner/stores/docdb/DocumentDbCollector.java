package io.atrest.scanner.stores.docdb;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.collect.Tags;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.EngineClusters;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBCluster;

/** RDS DescribeDBClusters filtered to engine docdb, per region and page: encryption, key and tags in one listing. */
final class DocumentDbCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        Observed<List<DBCluster>> clusters = EngineClusters.of("docdb", accountId, region, clients, sink);
        if (!clusters.isKnown()) {
            return;
        }
        for (DBCluster c : clusters.value()) {
            sink.store(new DocumentDbCluster(accountId, region, c.dbClusterIdentifier(), c.dbClusterArn(), Boolean.TRUE.equals(c.storageEncrypted()),
                    c.kmsKeyId(), Tags.of(c.tagList(), t -> t.key(), t -> t.value())));
        }
    }
}
