package io.atrest.sql;

import java.time.Instant;

/** A stored scan run. */
public record ScanRun(
        long id,
        String runTrigger,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        String toolVersion,
        String policyHash,
        String organizationId,
        int accountsPlanned,
        int accountsDone,
        int accountsFailed,
        int resources,
        int collectionErrors,
        Double score,
        Double coverage,
        String message) {}
