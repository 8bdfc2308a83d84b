package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.policy.Severity;

/** Every VPC has a DynamoDB endpoint. */
public final class VpcDynamoEndpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = CheckInfo.builder("vpc-dynamodb-endpoint")
            .title("Every VPC has a DynamoDB endpoint")
            .resourceType(ResourceType.AwsEc2Vpc)
            .severity(Severity.LOW)
            .passesWhen("The VPC has a DynamoDB gateway endpoint.")
            .rationale("Table traffic then stays on the AWS network, and table and key policies can require the endpoint.")
            .remediation("VPC console > Endpoints > Create endpoint > com.amazonaws.<region>.dynamodb (Gateway) > the VPC and its route tables.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --service-name com.amazonaws.<region>.dynamodb --route-table-ids <rtb-ids>")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String service() {
        return "dynamodb";
    }
}
