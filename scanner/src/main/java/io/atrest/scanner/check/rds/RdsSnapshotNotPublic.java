package io.atrest.scanner.check.rds;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.StoreCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.RdsSnapshot;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** No manual DB or cluster snapshot is shared with all accounts. */
public final class RdsSnapshotNotPublic extends StoreCheck<RdsSnapshot> {

    public static final CheckInfo INFO = CheckInfo.builder("rds-snapshot-not-public")
            .title("RDS snapshots are not public")
            .resourceType(ResourceType.AwsRdsDbSnapshot)
            .severity(Severity.CRITICAL)
            .passesWhen("The snapshot's restore attribute does not hold all.")
            .rationale("A public database snapshot can be restored by anyone, in any account: the whole database, readable.")
            .remediation("RDS console > Snapshots > the snapshot > Actions > Share snapshot > DB snapshot visibility: Private.",
                    "aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snap> --attribute-name restore --values-to-remove all")
            .mappedTo("FSBP RDS.1", "Prowler rds_snapshots_public_access")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<RdsSnapshot> stores(Inventory inventory) {
        return inventory.rdsSnapshots();
    }

    @Override
    protected Verdict judge(RdsSnapshot snapshot, Observed<Classification> classification, Evaluation evaluation) {
        if (!snapshot.publicRestore().isKnown()) {
            return Verdict.notEvaluated(snapshot.publicRestore().error());
        }
        return Boolean.TRUE.equals(snapshot.publicRestore().value())
                ? Verdict.fail("shared with all AWS accounts").with("restore", "all").with("encrypted", snapshot.encrypted())
                : Verdict.pass("not shared with all").with("restore", "private");
    }
}
