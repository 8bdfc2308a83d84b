package io.atrest.sql.ingest;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.org.AccountScanStatus;
import java.util.List;
import java.util.Set;

/**
 * One account's part of a run, as it is stored.
 *
 * @param status how the account's collection ended
 * @param listingGaps where resources could not be listed ("AwsEc2Volume@eu-west-1"): their
 *     absence this run is not read as deletion or a fix
 * @param attributes ARN -> the attributes checks depend on, kept as intervals
 */
public record AccountResult(Account account, AccountScanStatus status, List<String> regions, int collectionErrors, String message,
                            Set<String> listingGaps, java.util.Map<String, java.util.Map<String, String>> attributes) {

    public AccountResult {
        regions = List.copyOf(regions);
        listingGaps = Set.copyOf(listingGaps);
        attributes = attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes);
    }

    public AccountResult(Account account, AccountScanStatus status, List<String> regions, int collectionErrors, String message,
                         Set<String> listingGaps) {
        this(account, status, regions, collectionErrors, message, listingGaps, java.util.Map.of());
    }

    public AccountResult(Account account, AccountScanStatus status, List<String> regions, int collectionErrors, String message) {
        this(account, status, regions, collectionErrors, message, Set.of(), java.util.Map.of());
    }
}
