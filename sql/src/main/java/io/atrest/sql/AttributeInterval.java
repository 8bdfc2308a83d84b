package io.atrest.sql;

import java.util.Map;

/** A resource's attributes from one run to another (lastRunId null: still current). */
public record AttributeInterval(Map<String, String> attributes, long firstRunId, Long lastRunId) {}
