package io.atrest.scanner.check.monitoring;

import io.atrest.scanner.check.AccountCheck;
import io.atrest.scanner.check.CheckInfo;
import io.atrest.scanner.check.Evaluation;
import io.atrest.scanner.check.ResourceType;
import io.atrest.scanner.check.Verdict;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.EventRule;
import io.atrest.scanner.inventory.MetricAlarm;
import io.atrest.scanner.inventory.MetricFilter;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Someone is alerted when a KMS key is disabled or scheduled for deletion: a CloudWatch Logs
 * metric filter on those events with an alarm that notifies, or an enabled EventBridge rule on
 * them with a target. Either may live in the account itself, or with the organization trail's
 * log group in the account that owns it. Peers that accept only the metric filter give a false
 * FAIL for EventBridge setups.
 */
public final class KmsDeletionAlerting extends AccountCheck {

    public static final CheckInfo INFO = CheckInfo.builder("kms-deletion-alerting")
            .title("Disabling or scheduling deletion of a KMS key raises an alert")
            .resourceType(ResourceType.AwsAccount)
            .severity(Severity.MEDIUM)
            .passesWhen("A metric filter matching DisableKey or ScheduleKeyDeletion has an alarm with actions, or an enabled "
                    + "EventBridge rule matching those KMS events has a target; in the account or on the organization trail.")
            .rationale("A key scheduled for deletion can still be saved for 7 to 30 days, but only if someone hears about it.")
            .remediation("EventBridge console > Rules > Create rule: event pattern {\"source\":[\"aws.kms\"],\"detail\":{\"eventName\":"
                            + "[\"DisableKey\",\"ScheduleKeyDeletion\"]}}, target an SNS topic the security team reads.",
                    "aws events put-rule --name kms-key-deletion --event-pattern '{\"source\":[\"aws.kms\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                            + "\"detail\":{\"eventName\":[\"DisableKey\",\"ScheduleKeyDeletion\"]}}' && aws events put-targets --rule kms-key-deletion "
                            + "--targets Id=sns,Arn=<topic-arn>")
            .mappedTo("CIS 4.7", "Prowler cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk")
            .build();

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    protected Verdict judge(Account account, Evaluation evaluation) {
        Optional<String> own = alerting(account.id(), null, evaluation);
        if (own.isPresent()) {
            return Verdict.pass(own.get());
        }
        for (Trail trail : evaluation.inventory().trails()) {
            if (trail.accountId().equals(account.id()) && trail.organizationTrail() && trail.cloudWatchLogsGroupArn() != null) {
                String owner = trail.arn().split(":")[4];
                String group = trail.cloudWatchLogsGroupArn().replaceAll("^arn:[^:]+:logs:[^:]+:[^:]+:log-group:", "").replaceAll(":\\*$", "");
                Optional<String> central = alerting(owner, group, evaluation);
                if (central.isPresent()) {
                    return Verdict.pass(central.get() + " on organization trail " + trail.name());
                }
            }
        }
        for (String operation : List.of("DescribeMetricFilters", "DescribeAlarms", "ListRules")) {
            String service = operation.equals("ListRules") ? "events" : operation.equals("DescribeAlarms") ? "cloudwatch" : "logs";
            Optional<CollectionError> gap = evaluation.failure(account.id(), null, service, operation);
            if (gap.isPresent()) {
                return Verdict.notEvaluated(gap.get());
            }
        }
        return Verdict.fail("no metric filter with an alarm, and no EventBridge rule, on DisableKey or ScheduleKeyDeletion");
    }

    /** How {@code accountId} alerts on key deletion, if it does; {@code logGroup} narrows metric filters to one group. */
    private static Optional<String> alerting(String accountId, String logGroup, Evaluation evaluation) {
        for (MetricFilter filter : evaluation.inventory().metricFilters()) {
            if (!filter.accountId().equals(accountId) || (logGroup != null && !logGroup.equals(filter.logGroupName()))
                    || !mentionsKeyDeletion(filter.pattern())) {
                continue;
            }
            for (MetricFilter.MetricName metric : filter.metrics()) {
                for (MetricAlarm alarm : evaluation.inventory().metricAlarms()) {
                    if (alarm.accountId().equals(accountId) && alarm.region().equals(filter.region())
                            && metric.name().equals(alarm.metricName()) && metric.namespace().equals(alarm.namespace())
                            && alarm.actionsEnabled() && alarm.actions() > 0) {
                        return Optional.of("metric filter " + filter.name() + " with alarm " + alarm.name());
                    }
                }
            }
        }
        if (logGroup == null) {
            for (EventRule rule : evaluation.inventory().eventRules()) {
                if (rule.accountId().equals(accountId) && "ENABLED".equals(rule.state()) && rule.targets() > 0
                        && rule.eventPattern() != null && rule.eventPattern().contains("aws.kms")
                        && (mentionsKeyDeletion(rule.eventPattern()) || !rule.eventPattern().contains("eventName"))) {
                    return Optional.of("EventBridge rule " + rule.name() + " in " + rule.region());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mentionsKeyDeletion(String pattern) {
        return pattern != null && (pattern.contains("ScheduleKeyDeletion") || pattern.contains("DisableKey"));
    }
}
