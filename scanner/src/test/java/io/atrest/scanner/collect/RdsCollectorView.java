package io.atrest.scanner.collect;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.inventory.RdsCluster;
import java.time.Instant;
import java.util.List;

/** What the RDS collector makes of a fake account's region: for tests of the kinds RDS also serves. */
public final class RdsCollectorView {
    private RdsCollectorView() {}

    /** The identifiers of the RDS clusters the RDS collector keeps. */
    public static List<String> clusters(FakeAccount account, String region) {
        InventoryBuilder sink = new InventoryBuilder();
        new RdsCollector(account.id, region, new FakeAccountClients(account, new CallLog(), 10).rds(region), sink).collect();
        return sink.build(Instant.EPOCH, null).rdsClusters().stream().map(RdsCluster::identifier).toList();
    }
}
