package io.atrest.scanner.inventory;

/**
 * A VPC endpoint.
 *
 * @param serviceName "com.amazonaws.eu-west-1.s3"
 * @param type Gateway, Interface, GatewayLoadBalancer, ...
 * @param policy the endpoint policy document, or null
 */
public record VpcEndpoint(String accountId, String region, String endpointId, String vpcId, String serviceName,
                          String type, String state, String policy) {

    /** The last part of the service name: "s3", "dynamodb", "kms". */
    public String service() {
        return serviceName == null ? "" : serviceName.substring(serviceName.lastIndexOf('.') + 1);
    }
}
