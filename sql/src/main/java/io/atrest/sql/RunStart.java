package io.atrest.sql;

import java.time.Instant;

/**
 * What is known of a run when it starts.
 *
 * @param trigger SCAN, DEMO, SCHEDULE or EVALUATE
 * @param policyHash identifies the classification policy the findings were judged against
 */
public record RunStart(String trigger, Instant startedAt, String toolVersion, String policyHash,
                       String organizationId, int accountsPlanned) {}
