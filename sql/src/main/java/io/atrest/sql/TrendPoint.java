package io.atrest.sql;

import java.time.Instant;

/** One run's score and coverage for a scope (organization, account, OU or classification). */
public record TrendPoint(long runId, Instant startedAt, Double score, Double coverage, long passed, long failed,
                         long notEvaluated) {}
