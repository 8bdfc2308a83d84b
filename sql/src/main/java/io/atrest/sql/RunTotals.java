package io.atrest.sql;

/** What a run adds up to, written when it closes. */
public record RunTotals(int accountsDone, int accountsFailed, int resources, int collectionErrors,
                        Double score, Double coverage, String message) {}
