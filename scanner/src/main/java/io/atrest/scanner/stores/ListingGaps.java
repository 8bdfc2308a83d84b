package io.atrest.scanner.stores;

import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Inventory;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a scan could not list resources: "AwsEc2Volume@eu-west-1", or "AwsS3Bucket@*" for every
 * region. A resource missing from such a place may still exist, so history must not read its
 * absence as "deleted" or "fixed".
 */
public final class ListingGaps {
    private ListingGaps() {}

    public static Set<String> of(Inventory inventory, String accountId) {
        Set<String> gaps = new TreeSet<>();
        for (CollectionError error : inventory.errors()) {
            if (!accountId.equals(error.accountId())) {
                continue;
            }
            String type = StoreListings.listedBy(error);
            // The listing of public snapshots (RestorableByUserIds=all) is not the account's own listing.
            if (type != null && !"RestorableByUserIds=all".equals(error.resource())) {
                gaps.add(type + "@" + ("AwsS3Bucket".equals(type) ? "*" : error.region()));
            }
            if ("(all)".equals(error.operation())) {
                for (String t : StoreListings.foundBy(error.service())) {
                    gaps.add(t + "@" + ("AwsS3Bucket".equals(t) ? "*" : error.region()));
                }
            }
            if ("sts:AssumeRole".equals(error.qualifiedOperation())) {
                gaps.add("*@*");
            }
        }
        return gaps;
    }

    /** Whether a resource of {@code type} in {@code region} falls in one of {@code gaps}. */
    public static boolean covers(Set<String> gaps, String type, String region) {
        return gaps.contains("*@*") || gaps.contains(type + "@*") || gaps.contains(type + "@" + region);
    }
}
