package io.atrest.sql;

/** How many findings of one severity a run had, per outcome. */
public record OutcomeCount(String severity, long passed, long failed, long notApplicable, long notEvaluated, long suppressed) {}
