package io.atrest.sql;

/** How many resources fail one check in a run. */
public record CheckFailures(String checkId, String severity, long failed, long evaluated) {}
