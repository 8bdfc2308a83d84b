package io.atrest.scanner.check.network;

import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.Remediation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.policy.Severity;
import java.util.List;

/** Every VPC has a DynamoDB endpoint. */
public final class VpcDynamoEndpoint extends VpcEndpointCheck {

    public static final CheckInfo INFO = new CheckInfo(
            "vpc-dynamodb-endpoint",
            "Every VPC has a DynamoDB endpoint",
            ResourceType.AwsEc2Vpc,
            Severity.LOW,
            false,
            "The VPC has a DynamoDB gateway endpoint.",
            "Table traffic then stays on the AWS network, and table and key policies can require the endpoint.",
            new Remediation(
                    "VPC console > Endpoints > Create endpoint > com.amazonaws.<region>.dynamodb (Gateway) > the VPC and its route tables.",
                    "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --service-name com.amazonaws.<region>.dynamodb --route-table-ids <rtb-ids>"),
            List.of());

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected String service() {
        return "dynamodb";
    }
}
