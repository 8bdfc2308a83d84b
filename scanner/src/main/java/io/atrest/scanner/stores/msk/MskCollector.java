package io.atrest.scanner.stores.msk;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.Calls;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.StoreCollector;
import java.util.List;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.Cluster;

/** ListClustersV2 per region and page: type, data-volume key and tags in one listing. */
final class MskCollector implements StoreCollector {

    @Override
    public void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink) {
        KafkaClient kafka = clients.client(KafkaClient.class, KafkaClient::builder, region);
        Observed<List<Cluster>> clusters = new Calls(accountId, region, sink).observe("kafka", "ListClustersV2", null,
                () -> kafka.listClustersV2Paginator(r -> { }).clusterInfoList().stream().toList());
        if (!clusters.isKnown()) {
            return;
        }
        for (Cluster c : clusters.value()) {
            String key = c.provisioned() == null || c.provisioned().encryptionInfo() == null
                    || c.provisioned().encryptionInfo().encryptionAtRest() == null ? null
                    : c.provisioned().encryptionInfo().encryptionAtRest().dataVolumeKMSKeyId();
            sink.store(new MskCluster(accountId, region, c.clusterName(), c.clusterArn(), c.clusterTypeAsString(), key, c.tags()));
        }
    }
}
