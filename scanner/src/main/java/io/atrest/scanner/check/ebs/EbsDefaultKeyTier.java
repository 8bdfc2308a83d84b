package io.atrest.scanner.check.ebs;

import io.atrest.scanner.check.AccountRegionCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.EbsDefaults;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.Optional;

/**
 * The region's default EBS key is strong enough for the most sensitive data the account holds.
 * Not applicable where encryption by default is off ({@code ebs-encryption-by-default} says so).
 */
public final class EbsDefaultKeyTier extends AccountRegionCheck {

    public static final CheckInfo INFO = CheckInfo.builder("ebs-default-key-tier")
            .title("The default EBS key meets the account's highest classification")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.MEDIUM)
            .passesWhen("Where EBS encryption by default is on, the region's default key has at least the tier demanded by the most "
                    + "sensitive level of data in the account.")
            .rationale("Volumes created without naming a key get the default one; in an account of restricted data, that default "
                    + "should already be a key the owner controls.")
            .remediation("EC2 console (each region) > Settings > EBS encryption > Manage > Default encryption key: choose a "
                            + "customer-managed key.",
                    "aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key-arn> --region <region>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(AccountRegion scope, Evaluation evaluation) {
        Optional<EbsDefaults> defaults = evaluation.ebsDefaults(scope.accountId(), scope.region());
        if (defaults.isEmpty() || !defaults.get().encryptionByDefault().isKnown()) {
            return defaults.isEmpty() ? Verdict.notApplicable("EBS defaults were not collected")
                    : Verdict.notEvaluated(defaults.get().encryptionByDefault().error());
        }
        if (!Boolean.TRUE.equals(defaults.get().encryptionByDefault().value())) {
            return Verdict.notApplicable("encryption by default is off");
        }
        Level level = evaluation.highestAccountLevel(scope.accountId());
        if (!defaults.get().defaultKmsKeyId().isKnown()) {
            return Verdict.notEvaluated(defaults.get().defaultKmsKeyId().error());
        }
        String ref = defaults.get().defaultKmsKeyId().value() == null ? "alias/aws/ebs" : defaults.get().defaultKmsKeyId().value();
        KeyResolution key = evaluation.resolveKey(ref, scope.accountId(), scope.region());
        if (!key.resolved()) {
            return Verdict.notEvaluated(key.unresolvedReason(), key.operation(), key.detail());
        }
        Verdict verdict = key.tier().meets(level.minimumKeyTier())
                ? Verdict.pass("default key tier " + key.tier() + " meets " + level.minimumKeyTier())
                : Verdict.fail("default key tier " + key.tier() + " is below " + level.minimumKeyTier() + " for " + level.name() + " data");
        return verdict.with("defaultKey", ref).with("actual", key.tier()).with("level", level.name()).with("required", level.minimumKeyTier());
    }
}
