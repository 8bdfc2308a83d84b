package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.BucketCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Demand;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;

/**
 * All four Block Public Access settings are in force for the bucket, from the bucket's own
 * configuration or the account's: S3 applies the stricter of the two, setting by setting.
 */
public final class S3BlockPublicAccess extends BucketCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-block-public-access")
            .title("S3 Block Public Access is fully on for the bucket")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.HIGH)
            .passesWhen("BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are all in force, "
                    + "set on the bucket or on the account; not required for levels meant to be public.")
            .rationale("Block Public Access overrides any ACL or bucket policy that would open the data to everyone, "
                    + "so one careless grant cannot publish it.")
            .remediation("S3 console > bucket > Permissions > Block public access (bucket settings) > Edit > check "
                            + "\"Block all public access\" > Save. Better: set it once for the account under "
                            + "S3 > Block Public Access settings for this account.",
                    "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
            .mappedTo("FSBP S3.8", "CIS 2.1.4", "Prowler s3_bucket_level_public_access_block")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Demand demand = Demand.of(classification, Level::requireBlockPublicAccess, "blocking public access");
        if (demand.skip() != null) {
            return demand.skip();
        }
        Level level = demand.level();
        Observed<PublicAccessBlock> own = bucket.publicAccessBlock();
        Observed<PublicAccessBlock> account = evaluation.accountPublicAccessBlock(bucket.accountId())
                .map(AccountPublicAccessBlock::settings)
                .orElse(null);
        PublicAccessBlock known = PublicAccessBlock.NONE;
        if (own.isKnown()) {
            known = known.or(valueOf(own));
        }
        if (account != null && account.isKnown()) {
            known = known.or(valueOf(account));
        }
        if (known.allOn()) {
            String notRead = bucket.skipped("GetPublicAccessBlock");
            return Verdict.pass("all four settings in force")
                    .with("bucket", notRead == null ? describe(own) : "not read: " + notRead)
                    .with("account", account == null ? "not collected" : describe(account));
        }
        // Something is off in what we could read; a setting we could not read might still cover it.
        if (!own.isKnown()) {
            return Verdict.notEvaluated(own.error()).with("account", account == null ? "not collected" : describe(account));
        }
        if (account == null) {
            return Verdict.notEvaluated(ErrorReason.NOT_FOUND, "s3control:GetPublicAccessBlock",
                    "the account's Block Public Access settings were not collected");
        }
        if (!account.isKnown()) {
            return Verdict.notEvaluated(account.error()).with("bucket", describe(own));
        }
        return Verdict.fail("not in force: " + String.join(", ", known.missing()))
                .with("bucket", describe(own))
                .with("account", describe(account))
                .with("missing", String.join(",", known.missing()));
    }

    private static PublicAccessBlock valueOf(Observed<PublicAccessBlock> observed) {
        return observed.value() == null ? PublicAccessBlock.NONE : observed.value();
    }

    private static String describe(Observed<PublicAccessBlock> observed) {
        if (!observed.isKnown()) {
            return "unknown (" + observed.error().errorCode() + ")";
        }
        PublicAccessBlock settings = valueOf(observed);
        return settings.allOn() ? "all on" : "off: " + String.join(",", settings.missing());
    }
}
