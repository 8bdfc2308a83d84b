package io.atrest.scanner.stores.docdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.collect.RdsCollectorView;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.stores.Collected;
import io.atrest.scanner.stores.neptune.NeptuneCluster;
import io.atrest.scanner.stores.neptune.NeptuneEncrypted;
import io.atrest.scanner.stores.neptune.NeptuneKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;

/** DocumentDB and Neptune clusters come from RDS's cluster listing, each filtered to its engine, and leave RDS's own kinds. */
class DocumentDbKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;

    private static DBCluster cluster(String id, String engine, boolean encrypted, String level) {
        DBCluster.Builder c = DBCluster.builder().dbClusterIdentifier(id).engine(engine).storageEncrypted(encrypted)
                .dbClusterArn("arn:aws:rds:" + R + ":" + A + ":cluster:" + id)
                .kmsKeyId(encrypted ? "arn:aws:kms:" + R + ":" + A + ":alias/aws/rds" : null);
        return (level == null ? c : c.tagList(Tag.builder().key("DataClassification").value(level).build())).build();
    }

    private static FakeAccount account() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).dbClusters.addAll(List.of(cluster("documents", "docdb", true, "confidential"),
                cluster("old-documents", "docdb", false, null), cluster("graph", "neptune", true, "restricted"),
                cluster("orders", "aurora-postgresql", true, null)));
        return account;
    }

    @Test
    void eachEngineIsItsOwnKindAndRdsKeepsTheRest() {
        Collected docdb = Collected.by(DocumentDbKind.KIND, account(), new CallLog(), 10);
        Collected neptune = Collected.by(NeptuneKind.KIND, account(), new CallLog(), 10);

        assertThat(docdb.inventory().storesOf(DocumentDbCluster.class)).extracting(DocumentDbCluster::clusterId)
                .containsExactly("documents", "old-documents");
        assertThat(neptune.inventory().storesOf(NeptuneCluster.class)).extracting(NeptuneCluster::clusterId).containsExactly("graph");
        assertThat(docdb.outcome(new DocumentDbEncrypted(), "documents")).isEqualTo(Outcome.PASS);
        assertThat(docdb.outcome(new DocumentDbEncrypted(), "old-documents")).isEqualTo(Outcome.FAIL);
        assertThat(docdb.outcome(new DocumentDbKeyTier(), "documents")).as("aws/rds meets confidential").isEqualTo(Outcome.PASS);
        assertThat(neptune.outcome(new NeptuneEncrypted(), "graph")).isEqualTo(Outcome.PASS);
        assertThat(RdsCollectorView.clusters(account(), R)).containsExactly("orders");
    }

    @Test
    void aFailedFilteredListingHidesOnlyItsEngine() {
        Collected docdb = Collected.by(DocumentDbKind.KIND, account(), new CallLog().fail("Rds:DescribeDBClusters", "AccessDenied", 403), 10);
        assertThat(docdb.gaps()).containsExactly("AwsDocumentDbCluster@" + R);
    }
}
