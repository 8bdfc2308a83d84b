package io.atrest.scanner.inventory;

/**
 * A CloudWatch metric alarm.
 *
 * @param actions how many alarm actions (SNS topics, ...) it notifies
 */
public record MetricAlarm(String accountId, String region, String name, String namespace, String metricName,
                          boolean actionsEnabled, int actions) {}
