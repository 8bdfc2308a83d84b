package io.atrest.sql;

import java.util.Map;

/** A finding as the history holds it for one run. */
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
        long lastRunId) {}
