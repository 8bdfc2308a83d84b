package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.AccountRegionCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.EbsDefaults;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.util.Optional;

/** EBS encryption by default is on in every scanned account and region. */
public final class EbsEncryptionByDefault extends AccountRegionCheck {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-encryption-by-default")
            .title("EBS encryption by default is on in every region")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.HIGH)
            .passesWhen("GetEbsEncryptionByDefault answers true for the account in the region.")
            .rationale("With encryption by default, every new volume and snapshot copy is encrypted whoever creates it and however: "
                    + "no template or script can forget.")
            .remediation("EC2 console (each region) > Settings > EBS encryption > Manage > Always encrypt new EBS volumes > Update.",
                    "aws ec2 enable-ebs-encryption-by-default --region <region>")
            .mappedTo("FSBP EC2.7", "CIS v4 5.1.1", "Config ec2-ebs-encryption-by-default", "Prowler ec2_ebs_default_encryption")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(AccountRegion scope, Evaluation evaluation) {
        Optional<EbsDefaults> defaults = evaluation.ebsDefaults(scope.accountId(), scope.region());
        if (defaults.isEmpty()) {
            return evaluation.failure(scope.accountId(), scope.region(), "ec2", null)
                    .map(Verdict::notEvaluated)
                    .orElse(Verdict.notEvaluated(ErrorReason.NOT_FOUND, "ec2:GetEbsEncryptionByDefault", "not collected"));
        }
        if (!defaults.get().encryptionByDefault().isKnown()) {
            return Verdict.notEvaluated(defaults.get().encryptionByDefault().error());
        }
        return Boolean.TRUE.equals(defaults.get().encryptionByDefault().value())
                ? Verdict.pass("new volumes are encrypted by default").with("encryptionByDefault", true)
                : Verdict.fail("new volumes are not encrypted by default").with("encryptionByDefault", false);
    }
}
