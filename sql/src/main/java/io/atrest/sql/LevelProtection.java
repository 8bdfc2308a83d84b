package io.atrest.sql;

import java.time.Instant;

/**
 * For one run and one classification level: how many stores pass the key-tier checks (their key
 * is of the type the level demands) out of how many were evaluated.
 */
public record LevelProtection(long runId, Instant startedAt, String classification, long passed, long evaluated) {

    /** The share of evaluated stores on the demanded key type, 0..1, or null when none was evaluated. */
    public Double share() {
        return evaluated == 0 ? null : (double) passed / evaluated;
    }
}
