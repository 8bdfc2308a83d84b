package io.atrest.scanner.inventory;

/** An EventBridge rule with an event pattern (scheduled rules have none). */
public record EventRule(String accountId, String region, String name, String arn, String eventBus, String state,
                        String eventPattern, int targets) {}
