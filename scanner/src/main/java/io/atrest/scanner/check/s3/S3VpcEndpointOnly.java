package io.atrest.scanner.check.s3;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Demand;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.iam.BucketPolicyAnalysis;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Level;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Set;

/** For levels that demand it, the bucket answers only through the named VPC endpoints or VPCs. */
public final class S3VpcEndpointOnly extends S3BucketPolicyCheck {

    public static final CheckInfo INFO = CheckInfo.builder("s3-vpc-endpoint-only")
            .title("S3 buckets of sensitive data answer only through named VPC endpoints")
            .resourceType(ResourceType.AwsS3Bucket)
            .severity(Severity.MEDIUM)
            .passesWhen("For levels that demand it, the bucket policy denies requests whose aws:SourceVpce (or aws:SourceVpc) is not "
                    + "one of the allowed networks: both reads from outside any VPC (the keys absent) and reads through an unnamed "
                    + "endpoint are denied, by a Deny whose Resource covers every object.")
            .rationale("Valid credentials used from outside the company network, for example after a leak, then reach nothing: "
                    + "the data stays inside its perimeter.")
            .remediation("S3 console > bucket > Permissions > Bucket policy: add a Deny of s3:* for Principal * with Condition "
                            + "StringNotEquals aws:SourceVpce = [your endpoint ids] (keep an exception for break-glass roles).",
                    "aws s3api put-bucket-policy --bucket <bucket> --policy file://vpce-only.json")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(S3Bucket bucket, Observed<Classification> classification, Evaluation evaluation) {
        Demand demand = Demand.of(classification, Level::requireVpcEndpointOnly, "it");
        if (demand.skip() != null) {
            return demand.skip();
        }
        Level level = demand.level();
        Verdict unreadable = unreadable(bucket, evaluation);
        if (unreadable != null) {
            return unreadable;
        }
        PolicyDocument policy = policyOf(bucket, evaluation);
        if (policy == null) {
            return Verdict.fail("the bucket has no policy, so no statement limits access to VPC endpoints or VPCs").with("level", level.name());
        }
        BucketPolicyAnalysis.Perimeter perimeter = BucketPolicyAnalysis.allowedNetworks(policy, bucket.arn());
        if (!perimeter.closed()) {
            return Verdict.fail("no statement limits access to VPC endpoints or VPCs").with("level", level.name())
                    .with("gaps", perimeter.outcome().gaps());
        }
        Set<String> networks = perimeter.networks();
        List<String> foreign = networks.stream().filter(n -> !level.allowedNetworks().isEmpty() && !level.allowedNetworks().contains(n)).toList();
        if (!foreign.isEmpty()) {
            return Verdict.fail("access is also allowed from networks the policy does not name: " + foreign)
                    .with("networks", String.join(",", networks)).with("allowed", String.join(",", level.allowedNetworks()));
        }
        return Verdict.pass("access only through " + networks).with("networks", String.join(",", networks));
    }
}
