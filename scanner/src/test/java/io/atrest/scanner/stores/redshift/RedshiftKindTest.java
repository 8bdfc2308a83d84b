package io.atrest.scanner.stores.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.Outcome;
import io.atrest.scanner.check.Scene;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.InventoryDocument;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.stores.ListingGaps;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.Tag;

/** Redshift clusters: collected page by page over the fake, and judged. */
class RedshiftKindTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static Cluster cluster(String id, boolean encrypted, String key, boolean open, String level) {
        Cluster.Builder c = Cluster.builder().clusterIdentifier(id).encrypted(encrypted).kmsKeyId(key).publiclyAccessible(open);
        return (level == null ? c : c.tags(Tag.builder().key("DataClassification").value(level).build())).build();
    }

    private static Inventory collect(FakeAccount account, CallLog log) {
        InventoryBuilder sink = new InventoryBuilder();
        RedshiftKind.KIND.collector().collect(A, R, new FakeAccountClients(account, log, 2), sink);
        return sink.build(Scene.NOW, null);
    }

    @Test
    void everyPageIsReadWithItsKeyExposureAndTags() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).add(cluster("warehouse", true, CMK, false, "restricted"));
        account.in(R).of(Cluster.class).add(cluster("legacy", false, null, true, null));
        account.in(R).of(Cluster.class).add(cluster("owned", true, null, false, "internal"));
        CallLog log = new CallLog();

        Inventory inventory = collect(account, log);

        assertThat(log.calls()).containsExactly("Redshift:DescribeClusters", "Redshift:DescribeClusters");
        assertThat(inventory.storesOf(RedshiftCluster.class)).extracting(RedshiftCluster::clusterId)
                .containsExactly("legacy", "owned", "warehouse");
        RedshiftCluster warehouse = inventory.storesOf(RedshiftCluster.class).get(2);
        assertThat(warehouse.arn()).isEqualTo("arn:aws:redshift:eu-west-1:" + A + ":cluster:warehouse");
        assertThat(warehouse.storeTags().value()).containsEntry("DataClassification", "restricted");
        assertThat(warehouse.storeEncryption().value().effectiveKeyRef()).isEqualTo(CMK);
        assertThat(inventory.storesOf(RedshiftCluster.class).get(1).storeEncryption().value().kind().name()).isEqualTo("PROVIDER_OWNED");
        assertThat(inventory.errors()).isEmpty();
    }

    @Test
    void aDeniedListingIsAGapNotAnEmptyRegion() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).add(cluster("warehouse", true, CMK, false, null));
        CallLog log = new CallLog().fail("Redshift:DescribeClusters", "AccessDenied", 403);

        Inventory inventory = collect(account, log);

        assertThat(inventory.storesOf(RedshiftCluster.class)).isEmpty();
        assertThat(inventory.errors()).singleElement().satisfies(e -> {
            assertThat(e.qualifiedOperation()).isEqualTo("redshift:DescribeClusters");
            assertThat(e.reason().name()).isEqualTo("ACCESS_DENIED");
        });
        assertThat(ListingGaps.of(inventory, A)).contains("AwsRedshiftCluster@" + R);
    }

    @Test
    void aClusterSurvivesTheInventoryDocumentUnderItsKindsName() {
        FakeAccount account = new FakeAccount(A);
        account.in(R).of(Cluster.class).add(cluster("warehouse", true, CMK, true, "restricted"));
        Inventory inventory = collect(account, new CallLog());

        String json = InventoryDocument.toJson(inventory);

        assertThat(json).contains("\"kind\" : \"AwsRedshiftCluster\"");
        assertThat(InventoryDocument.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test")
                .stores()).isEqualTo(inventory.stores());
    }

    @Test
    void encryptionKeyTierAndExposureAreJudged() {
        Scene scene = new Scene().with(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true))).add(b -> {
            b.store(new RedshiftCluster(A, R, "warehouse", arn("warehouse"), true, CMK, false, Map.of("DataClassification", "restricted")));
            b.store(new RedshiftCluster(A, R, "owned", arn("owned"), true, null, false, Map.of("DataClassification", "restricted")));
            b.store(new RedshiftCluster(A, R, "legacy", arn("legacy"), false, null, true, Map.of()));
        });

        assertThat(scene.finding(new RedshiftEncrypted(), "warehouse").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new RedshiftEncrypted(), "legacy").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RedshiftKeyTier(), "warehouse").outcome()).isEqualTo(Outcome.PASS);
        assertThat(scene.finding(new RedshiftKeyTier(), "owned").outcome()).as("AWS-owned is below customer-managed").isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RedshiftKeyTier(), "legacy").outcome()).as("untagged: internal, which demands a key").isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RedshiftNotPubliclyAccessible(), "legacy").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scene.finding(new RedshiftNotPubliclyAccessible(), "warehouse").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aKeyThatCannotBeReadLeavesTheTierNotEvaluated() {
        Scene scene = new Scene().error(Scene.denied("kms", "ListKeys", null)).add(b ->
                b.store(new RedshiftCluster(A, R, "warehouse", arn("warehouse"), true, CMK, false, Map.of("DataClassification", "restricted"))));

        assertThat(scene.finding(new RedshiftKeyTier(), "warehouse").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(scene.finding(new RedshiftEncrypted(), "warehouse").outcome()).isEqualTo(Outcome.PASS);
    }

    private static String arn(String id) {
        return "arn:aws:redshift:" + R + ":" + A + ":cluster:" + id;
    }
}
