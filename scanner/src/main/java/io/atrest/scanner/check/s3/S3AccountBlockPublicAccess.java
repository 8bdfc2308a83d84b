package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.AccountCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.policy.Severity;
import java.util.Optional;

/** All four account-level Block Public Access settings are on. */
public final class S3AccountBlockPublicAccess extends AccountCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-account-block-public-access")
            .title("S3 Block Public Access is on for the whole account")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.HIGH)
            .passesWhen("The account-level BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are all on.")
            .rationale("Set once for the account, Block Public Access protects every bucket, including the ones created tomorrow.")
            .remediation("S3 console > Block Public Access settings for this account > Edit > Block all public access > Save.",
                    "aws s3control put-public-access-block --account-id <account> --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
            .mappedTo("FSBP S3.1", "CIS 2.1.4", "Config s3-account-level-public-access-blocks-periodic", "Prowler s3_account_level_public_access_blocks")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Account account, Evaluation evaluation) {
        Optional<AccountPublicAccessBlock> block = evaluation.accountPublicAccessBlock(account.id());
        if (block.isEmpty()) {
            return Verdict.notEvaluated(ErrorReason.NOT_FOUND, "s3control:GetPublicAccessBlock", "the account setting was not collected");
        }
        if (!block.get().settings().isKnown()) {
            return Verdict.notEvaluated(block.get().settings().error());
        }
        PublicAccessBlock settings = block.get().settings().value() == null ? PublicAccessBlock.NONE : block.get().settings().value();
        return settings.allOn()
                ? Verdict.pass("all four settings on")
                : Verdict.fail("off: " + String.join(", ", settings.missing())).with("missing", String.join(",", settings.missing()));
    }
}
