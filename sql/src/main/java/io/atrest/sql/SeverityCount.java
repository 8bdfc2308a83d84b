package io.atrest.sql;

/** How many resources fail checks of one severity in one scope (an account) of a run. */
public record SeverityCount(String scope, String severity, long failed) {}
