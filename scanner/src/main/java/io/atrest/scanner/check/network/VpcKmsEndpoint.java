package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.policy.Severity;

/** VPCs in accounts holding data whose level demands it (kmsEndpoint) have a KMS endpoint. */
public final class VpcKmsEndpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = CheckInfo.builder("vpc-kms-endpoint")
            .title("VPCs in accounts with sensitive data have a KMS endpoint")
            .resourceType(ResourceType.AwsEc2Vpc)
            .severity(Severity.LOW)
            .passesWhen("In accounts holding data of a level that demands it (kmsEndpoint: true in the policy; confidential and restricted "
                    + "by default), the VPC has a KMS interface endpoint.")
            .rationale("Key requests then never leave the VPC, and key policies can restrict use to aws:SourceVpce.")
            .remediation("VPC console > Endpoints > Create endpoint > com.amazonaws.<region>.kms (Interface) > the VPC's private subnets, private DNS on.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.<region>.kms --subnet-ids <subnets> --private-dns-enabled")
            .build();

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
        return level.requireKmsEndpoint() ? null
                : Verdict.notApplicable("the account's most sensitive data is " + level.name() + ", which does not demand a KMS endpoint")
                        .with("level", level.name());
    }
}
