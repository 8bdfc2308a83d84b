package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.Pages;
import io.atrest.scanner.fake.ProxyFake;
import java.util.Map;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.DescribeClustersRequest;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;

/** A fake Redshift: the region's clusters, in pages of {@code pageSize} joined by Marker. */
public final class FakeRedshift {
    private FakeRedshift() {}

    public static RedshiftClient client(FakeAccount account, String region, CallLog log, int pageSize) {
        return ProxyFake.of(RedshiftClient.class, account.id, "Redshift", log, Map.of("describeClusters", request -> {
            Pages<Cluster> page = Pages.of(account.in(region).of(Cluster.class), ((DescribeClustersRequest) request).marker(), pageSize);
            return DescribeClustersResponse.builder().clusters(page.items()).marker(page.next()).build();
        }));
    }

    /** Adds one store named {@code name} to the account's region (benchmarks fill organizations so). */
    public static void seed(FakeAccount account, String region, String name) {
        account.in(region).of(Cluster.class).add(Cluster.builder().clusterIdentifier(name).encrypted(true).publiclyAccessible(false)
                .tags(software.amazon.awssdk.services.redshift.model.Tag.builder().key("DataClassification").value("confidential").build()).build());
    }
}
