package io.atrest.scanner.inventory;

import java.util.List;

/** A CloudWatch Logs metric filter and the metrics it publishes. */
public record MetricFilter(String accountId, String region, String logGroupName, String name, String pattern,
                           List<MetricName> metrics) {

    public MetricFilter {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** A CloudWatch metric. */
    public record MetricName(String namespace, String name) {}
}
