package io.atrest.sql;

import java.time.Instant;

/** A failing finding that was fixed (or whose resource went away), and when. */
public record ResolvedFinding(String resourceArn, String resourceType, String accountId, String region, String checkId,
                              String severity, String classification, Instant failingSince, Instant resolvedAt,
                              long resolvedRunId) {}
