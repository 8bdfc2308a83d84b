package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** VPCs in accounts with sensitive data have a KMS endpoint. */
public final class VpcKmsEndpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "vpc-kms-endpoint",
            "VPCs in accounts with sensitive data have a KMS endpoint",
            ResourceType.AwsEc2Vpc,
            Severity.LOW,
            false,
            "In accounts holding data of the policy's upper (sensitive) levels, the VPC has a KMS interface endpoint.",
            "Key requests then never leave the VPC, and key policies can restrict use to aws:SourceVpce.",
            new Remediation(
                    "VPC console > Endpoints > Create endpoint > com.amazonaws.<region>.kms (Interface) > the VPC's private subnets, private DNS on.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.kms --subnet-ids <subnets> --private-dns-enabled"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String service() {
        return "kms";
    }

    @Override
    protected Verdict skip(Vpc vpc, Evaluation evaluation) {
        var level = evaluation.highestAccountLevel(vpc.accountId());
        return evaluation.sensitive(level) ? null
                : Verdict.notApplicable("the account holds no data above " + level.name()).with("level", level.name());
    }
}
