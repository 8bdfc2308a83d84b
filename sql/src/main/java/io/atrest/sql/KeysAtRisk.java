package io.atrest.sql;

import java.time.Instant;

/** Keys pending deletion or disabled while still protecting data, per run. */
public record KeysAtRisk(long runId, Instant startedAt, long pendingDeletionInUse, long disabledInUse) {}
