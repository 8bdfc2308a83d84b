package io.atrest.scanner.inventory;

/** The AWS partition a region belongs to, for building ARNs. */
public final class Partition {
    private Partition() {}

    public static String ofRegion(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("eusc-")) {
            return "aws-eusc";
        }
        return "aws";
    }

    /**
     * Where a partition's account-wide results are filed (Security Hub's home for them): the
     * region its global services are signed for. A partition this does not know gets {@code fallback}.
     */
    public static String homeRegion(String partition, String fallback) {
        return switch (partition) {
            case "aws" -> "us-east-1";
            case "aws-cn" -> "cn-north-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> fallback;
        };
    }
}
