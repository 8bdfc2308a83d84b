package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.StoreCheck;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** No owned EBS snapshot can be restored by everyone. */
public final class EbsSnapshotNotPublic extends StoreCheck<EbsSnapshot> {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-snapshot-not-public")
            .title("EBS snapshots are not public")
            .resourceType(ResourceType.AwsEc2Snapshot)
            .severity(Severity.CRITICAL)
            .passesWhen("The snapshot's createVolumePermission does not include the group all.")
            .rationale("Anyone in any AWS account can create a volume from a public snapshot and read the whole disk.")
            .remediation("EC2 console > Snapshots > the snapshot > Actions > Snapshot settings > Modify permissions > Private; "
                            + "also turn on Block public access for snapshots in the region.",
                    "aws ec2 modify-snapshot-attribute --snapshot-id <snap> --attribute createVolumePermission --operation-type remove --group-names all")
            .mappedTo("FSBP EC2.1", "Prowler ec2_ebs_public_snapshot")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected List<EbsSnapshot> stores(Inventory inventory) {
        return inventory.snapshots();
    }

    @Override
    protected Verdict judge(EbsSnapshot snapshot, Observed<Classification> classification, Evaluation evaluation) {
        if (!snapshot.publiclyRestorable().isKnown()) {
            return Verdict.notEvaluated(snapshot.publiclyRestorable().error());
        }
        return Boolean.TRUE.equals(snapshot.publiclyRestorable().value())
                ? Verdict.fail("anyone can restore this snapshot").with("public", true).with("encrypted", snapshot.encrypted())
                : Verdict.pass("not restorable by everyone").with("public", false);
    }
}
