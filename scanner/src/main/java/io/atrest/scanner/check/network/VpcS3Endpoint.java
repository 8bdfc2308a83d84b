package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Every VPC has an S3 endpoint. */
public final class VpcS3Endpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "vpc-s3-endpoint",
            "Every VPC has an S3 endpoint",
            ResourceType.AwsEc2Vpc,
            Severity.MEDIUM,
            false,
            "The VPC has an S3 gateway or interface endpoint.",
            "Without an endpoint, S3 traffic leaves through a NAT or internet gateway, and bucket policies cannot require aws:SourceVpce: the data perimeter cannot be drawn.",
            new Remediation(
                    "VPC console > Endpoints > Create endpoint > AWS services > com.amazonaws.<region>.s3 (Gateway) > the VPC and its route tables.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --service-name com.amazonaws.<region>.s3 --route-table-ids <rtb-ids>"),
            List.of("Config vpc-endpoint-enabled"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String service() {
        return "s3";
    }
}
