package io.atrest.sql;

/** A score and its coverage for one scope of a run: an account id or an OU path. */
public record ScopeScore(String scope, Double score, Double coverage, long failed) {}
