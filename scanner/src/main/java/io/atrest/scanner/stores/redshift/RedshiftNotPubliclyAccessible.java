package io.atrest.scanner.stores.redshift;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.StoreCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Redshift clusters are not reachable from the internet. */
public final class RedshiftNotPubliclyAccessible extends StoreCheck<RedshiftCluster> {

    public static final CheckInfo INFO = CheckInfo.builder("redshift-not-publicly-accessible")
            .title("Redshift clusters are not publicly accessible")
            .resourceType(RedshiftCluster.TYPE)
            .severity(Severity.HIGH)
            .passesWhen("DescribeClusters reports PubliclyAccessible false: the cluster has no public address.")
            .rationale("A public endpoint exposes the warehouse's login to the internet; its data is then one weak password away.")
            .remediation("Redshift console > cluster > Actions > Modify publicly accessible setting > Turn off.",
                    "aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible")
            .mappedTo("FSBP Redshift.1", "Config redshift-cluster-public-access-check", "Prowler redshift_cluster_public_access")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RedshiftCluster> stores(Inventory inventory) {
        return inventory.storesOf(RedshiftCluster.class);
    }

    @Override
    protected Verdict judge(RedshiftCluster cluster, Observed<Classification> classification, Evaluation evaluation) {
        return cluster.publiclyAccessible()
                ? Verdict.fail("the cluster has a public address").with("publiclyAccessible", true)
                : Verdict.pass("no public address").with("publiclyAccessible", false);
    }
}
