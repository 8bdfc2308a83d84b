package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PublicAccess;
import io.atrest.scanner.iam.Statement;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/**
 * Neither the bucket policy nor the ACL opens the data to everyone, after Block Public Access:
 * RestrictPublicBuckets neutralises a public policy, IgnorePublicAcls a public ACL. A grant to
 * "*" counts as public unless its conditions are false for every caller from outside
 * ({@link PublicAccess}). Data of a level with {@code publicAccess: allowed} (public, by default)
 * may be public: that passes, with "public by classification" in the evidence.
 */
public final class S3NotPublic extends S3BucketPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-not-public")
            .title("S3 buckets do not grant access to everyone")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.CRITICAL)
            .passesWhen("No bucket policy statement allows anything to Principal * with conditions that can hold for a caller from outside "
                    + "(anonymous, another organization's role, a service acting for another account; 0.0.0.0/0 or IfExists restrict "
                    + "nothing), and no ACL grant "
                    + "goes to AllUsers or AuthenticatedUsers, unless Block Public Access neutralises it or the data's level "
                    + "allows public access (publicAccess: allowed; the public level by default).")
            .rationale("A public grant makes the data readable (or writable) by anyone on the internet, whatever its encryption: "
                    + "S3 decrypts for any caller the policy admits.")
            .remediation("S3 console > bucket > Permissions: remove the public statement from the bucket policy (or add an "
                            + "aws:SourceVpce / aws:PrincipalOrgID condition), set Object Ownership to Bucket owner enforced, "
                            + "and turn on Block Public Access.",
                    "aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
            .mappedTo("FSBP S3.2", "FSBP S3.3", "Config s3-bucket-public-read-prohibited", "Prowler s3_bucket_public_access")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    /** A verdict reached without reading the ACL says why it was not read: a skipped call is never a silent pass. */
    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Verdict verdict = judgeRead(bucket, classification, evaluation);
        return bucket.skipped("GetBucketAcl") == null ? verdict : verdict.with("aclNotRead", bucket.skipped("GetBucketAcl"));
    }

    private Verdict judgeRead(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Verdict unreadable = unreadable(bucket, evaluation);
        if (unreadable != null) {
            return unreadable;
        }
        if (!bucket.aclGrantsPublic().isKnown()) {
            return Verdict.notEvaluated(bucket.aclGrantsPublic().error());
        }
        PolicyDocument policy = policyOf(bucket, evaluation);
        List<Statement> publicStatements = policy == null ? List.of() : PublicAccess.publicGrants(policy);
        boolean publicAcl = Boolean.TRUE.equals(bucket.aclGrantsPublic().value());
        if (publicStatements.isEmpty() && !publicAcl) {
            return Verdict.pass("no grant to everyone");
        }
        // Something opens the bucket; Block Public Access may still neutralise it.
        Observed<PublicAccessBlock> own = bucket.publicAccessBlock();
        Observed<PublicAccessBlock> account = evaluation.accountPublicAccessBlock(bucket.accountId())
                .map(AccountPublicAccessBlock::settings).orElse(Observed.absent());
        PublicAccessBlock effective = PublicAccessBlock.NONE;
        if (own.isPresent()) {
            effective = effective.or(own.value());
        }
        if (account.isPresent()) {
            effective = effective.or(account.value());
        }
        boolean policyOpen = !publicStatements.isEmpty() && !effective.restrictPublicBuckets();
        boolean aclOpen = publicAcl && !effective.ignorePublicAcls();
        String sids = publicStatements.stream().map(Statement::label).toList().toString();
        if (!policyOpen && !aclOpen) {
            return Verdict.pass("public grants exist but Block Public Access neutralises them")
                    .with("publicStatements", sids).with("publicAcl", publicAcl);
        }
        if (!own.isKnown() || !account.isKnown()) {
            return Verdict.notEvaluated(!own.isKnown() ? own.error() : account.error())
                    .with("publicStatements", sids).with("publicAcl", publicAcl);
        }
        String opened = (policyOpen ? "the bucket policy grants access to everyone" : "")
                + (policyOpen && aclOpen ? "; " : "") + (aclOpen ? "the ACL grants access to everyone" : "");
        // Data meant to be public (a website bucket) may be: its level says so, and only that level.
        if (classification.isPresent() && classification.value().level().allowPublicAccess()) {
            return Verdict.pass("public by classification: " + opened)
                    .with("level", classification.value().level().name())
                    .with("publicStatements", policyOpen ? sids : "[]").with("publicAcl", aclOpen);
        }
        if (!classification.isKnown() && evaluation.policy().levels().stream().anyMatch(Level::allowPublicAccess)) {
            return Verdict.notEvaluated(classification.error()).with("publicStatements", policyOpen ? sids : "[]").with("publicAcl", aclOpen);
        }
        return Verdict.fail((policyOpen ? "the bucket policy grants access to everyone" : "")
                        + (policyOpen && aclOpen ? "; " : "") + (aclOpen ? "the ACL grants access to everyone" : ""))
                .with("publicStatements", policyOpen ? sids : "[]").with("publicAcl", aclOpen);
    }
}
