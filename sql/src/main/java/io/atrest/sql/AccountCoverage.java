package io.atrest.sql;

/**
 * How one account's part of a run went: what was scanned and what could not be read.
 *
 * @param regions comma-separated regions scanned
 */
public record AccountCoverage(String accountId, String name, String ouPath, String status, String regions,
                              int collectionErrors, Double score, Double coverage, String message) {}
