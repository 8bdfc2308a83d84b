package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.policy.Severity;

/** Every VPC has an S3 endpoint. */
public final class VpcS3Endpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = CheckInfo.builder("vpc-s3-endpoint")
            .title("Every VPC has an S3 endpoint")
            .resourceType(ResourceType.AwsEc2Vpc)
            .severity(Severity.MEDIUM)
            .passesWhen("The VPC has an S3 gateway or interface endpoint.")
            .rationale("Without an endpoint, S3 traffic leaves through a NAT or internet gateway, and bucket policies cannot require aws:SourceVpce: the data perimeter cannot be drawn.")
            .remediation("VPC console > Endpoints > Create endpoint > AWS services > com.amazonaws.<region>.s3 (Gateway) > the VPC and its route tables.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --service-name com.amazonaws.<region>.s3 --route-table-ids <rtb-ids>")
            .mappedTo("Config vpc-endpoint-enabled")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String service() {
        return "s3";
    }
}
