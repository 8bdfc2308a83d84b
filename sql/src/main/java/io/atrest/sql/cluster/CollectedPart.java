package io.atrest.sql.cluster;

import java.util.List;

/**
 * One account of a clustered run as its job collected it, waiting for the run's evaluation: how
 * its collection ended and its part of the inventory ({@code document}, gzipped JSON).
 *
 * @param status COMPLETE, PARTIAL or FAILED (the account could not be entered)
 */
public record CollectedPart(String accountId, String status, List<String> regions, int errors, String message, byte[] document) {

    public CollectedPart {
        regions = List.copyOf(regions);
    }
}
