package io.atrest.sql;

import java.util.Map;

/**
 * A finding as the history holds it for one run.
 *
 * @param lastRunId null while the state is current
 * @param failingSince when the current run of FAIL began, for failing findings
 */
public record StoredFinding(
        String checkId,
        String severity,
        String outcome,
        String reason,
        String failedOperation,
        String resourceArn,
        String resourceType,
        String resourceName,
        String accountId,
        String region,
        String classification,
        String message,
        Map<String, String> evidence,
        long firstRunId,
        Long lastRunId,
        java.time.Instant failingSince) {}
