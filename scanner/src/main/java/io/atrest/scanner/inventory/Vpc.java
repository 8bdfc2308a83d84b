package io.atrest.scanner.inventory;

import java.util.Map;

/** A VPC, for the data-perimeter checks. */
public record Vpc(String accountId, String region, String vpcId, boolean isDefault, String cidrBlock, Map<String, String> tags) {

    public Vpc {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public String arn() {
        return "arn:" + Partition.ofRegion(region) + ":ec2:" + region + ":" + accountId + ":vpc/" + vpcId;
    }
}
