package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.ConfigRecorder;
import io.atrest.scanner.inventory.ConfigRule;
import io.atrest.scanner.inventory.EventRule;
import io.atrest.scanner.inventory.MetricAlarm;
import io.atrest.scanner.inventory.MetricFilter;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import io.atrest.scanner.aws.AccountClients;

/**
 * Collects what watches one region's data: CloudTrail trails (with status and event
 * selectors), CloudWatch Logs metric filters and alarms, EventBridge rules on the default bus,
 * and AWS Config recorders and rules.
 */
public final class MonitoringCollector {
    private final String accountId;
    private final String region;
    private final AccountClients clients;
    private final InventoryBuilder sink;
    private final Set<String> trailsSeen;

    /**
     * @param trailsSeen trail ARNs already collected for this account, shared by its regions: a
     *     multi-region or organization trail shows in every region and is kept once
     */
    public MonitoringCollector(String accountId, String region, AccountClients clients, InventoryBuilder sink, Set<String> trailsSeen) {
        this.accountId = accountId;
        this.region = region;
        this.clients = clients;
        this.sink = sink;
        this.trailsSeen = trailsSeen;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        collectTrails(calls);
        collectMetricFilters(calls);
        collectAlarms(calls);
        collectRules(calls);
        collectConfig(calls);
    }

    private void collectTrails(Calls calls) {
        var cloudTrail = clients.cloudTrail(region);
        Observed<List<software.amazon.awssdk.services.cloudtrail.model.Trail>> trails = calls.observe("cloudtrail", "DescribeTrails", null,
                () -> cloudTrail.describeTrails(r -> r.includeShadowTrails(true)).trailList());
        if (!trails.isKnown()) {
            return;
        }
        for (var t : trails.value()) {
            if (!trailsSeen.add(t.trailARN())) {
                continue;
            }
            Observed<Boolean> logging = calls.observe("cloudtrail", "GetTrailStatus", t.trailARN(),
                    () -> Boolean.TRUE.equals(cloudTrail.getTrailStatus(r -> r.name(t.trailARN())).isLogging()));
            Observed<Trail.ManagementEvents> events = calls.observe("cloudtrail", "GetEventSelectors", t.trailARN(),
                    () -> managementEvents(cloudTrail.getEventSelectors(r -> r.trailName(t.trailARN()))));
            sink.trail(new Trail(accountId, t.homeRegion(), t.name(), t.trailARN(), Boolean.TRUE.equals(t.isMultiRegionTrail()),
                    Boolean.TRUE.equals(t.isOrganizationTrail()), t.kmsKeyId(), Boolean.TRUE.equals(t.logFileValidationEnabled()),
                    t.cloudWatchLogsLogGroupArn(), logging, events));
        }
    }

    /** Which management events a trail records, from basic or advanced event selectors. */
    static Trail.ManagementEvents managementEvents(GetEventSelectorsResponse response) {
        boolean read = false;
        boolean write = false;
        for (EventSelector selector : response.eventSelectors()) {
            if (!Boolean.FALSE.equals(selector.includeManagementEvents())) {
                String type = selector.readWriteTypeAsString();
                read |= type == null || "All".equals(type) || "ReadOnly".equals(type);
                write |= type == null || "All".equals(type) || "WriteOnly".equals(type);
            }
        }
        for (AdvancedEventSelector selector : response.advancedEventSelectors()) {
            Map<String, List<String>> fields = selector.fieldSelectors().stream()
                    .collect(Collectors.toMap(AdvancedFieldSelector::field, f -> f.equalsValue() == null ? List.of() : f.equalsValue(),
                            (a, b) -> a));
            if (!fields.getOrDefault("eventCategory", List.of()).contains("Management")) {
                continue;
            }
            List<String> readOnly = fields.get("readOnly");
            read |= readOnly == null || readOnly.contains("true");
            write |= readOnly == null || readOnly.contains("false");
        }
        return new Trail.ManagementEvents(read, write);
    }

    private void collectMetricFilters(Calls calls) {
        var logs = clients.logs(region);
        Observed<List<software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter>> filters = calls.observe("logs",
                "DescribeMetricFilters", null, () -> logs.describeMetricFiltersPaginator(r -> { }).metricFilters().stream().toList());
        if (filters.isKnown()) {
            for (var f : filters.value()) {
                sink.metricFilter(new MetricFilter(accountId, region, f.logGroupName(), f.filterName(), f.filterPattern(),
                        f.metricTransformations().stream()
                                .map(m -> new MetricFilter.MetricName(m.metricNamespace(), m.metricName())).toList()));
            }
        }
    }

    private void collectAlarms(Calls calls) {
        var cloudWatch = clients.cloudWatch(region);
        Observed<List<software.amazon.awssdk.services.cloudwatch.model.MetricAlarm>> alarms = calls.observe("cloudwatch",
                "DescribeAlarms", null, () -> cloudWatch.describeAlarmsPaginator(r -> { }).metricAlarms().stream().toList());
        if (alarms.isKnown()) {
            for (var a : alarms.value()) {
                sink.metricAlarm(new MetricAlarm(accountId, region, a.alarmName(), a.namespace(), a.metricName(),
                        Boolean.TRUE.equals(a.actionsEnabled()), a.alarmActions().size()));
            }
        }
    }

    /** Rules on the default bus; targets are read only for rules about KMS, the ones alerting needs. */
    private void collectRules(Calls calls) {
        var events = clients.eventBridge(region);
        Observed<List<Rule>> rules = calls.observe("events", "ListRules", null, () -> {
            List<Rule> all = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                ListRulesResponse page = events.listRules(r -> r.nextToken(next));
                all.addAll(page.rules());
                token = page.nextToken();
            } while (token != null);
            return all;
        });
        if (!rules.isKnown()) {
            return;
        }
        for (Rule rule : rules.value()) {
            int targets = -1;
            if (rule.eventPattern() != null && rule.eventPattern().contains("aws.kms")) {
                Observed<Integer> count = calls.observe("events", "ListTargetsByRule", rule.arn(),
                        () -> events.listTargetsByRule(r -> r.rule(rule.name())).targets().size());
                targets = count.isKnown() ? count.value() : -1;
            }
            sink.eventRule(new EventRule(accountId, region, rule.name(), rule.arn(), rule.eventBusName(), rule.stateAsString(),
                    rule.eventPattern(), targets));
        }
    }

    private void collectConfig(Calls calls) {
        var config = clients.config(region);
        Observed<List<software.amazon.awssdk.services.config.model.ConfigurationRecorder>> recorders = calls.observe("config",
                "DescribeConfigurationRecorders", null, () -> config.describeConfigurationRecorders(r -> { }).configurationRecorders());
        if (recorders.isKnown() && !recorders.value().isEmpty()) {
            Observed<List<ConfigurationRecorderStatus>> status = calls.observe("config", "DescribeConfigurationRecorderStatus", null,
                    () -> config.describeConfigurationRecorderStatus(r -> { }).configurationRecordersStatus());
            for (var recorder : recorders.value()) {
                Observed<Boolean> recording = status.map(list -> list.stream()
                        .anyMatch(s -> recorder.name().equals(s.name()) && Boolean.TRUE.equals(s.recording())));
                boolean all = recorder.recordingGroup() != null && Boolean.TRUE.equals(recorder.recordingGroup().allSupported());
                sink.configRecorder(new ConfigRecorder(accountId, region, recorder.name(), all, recording));
            }
        }
        Observed<List<software.amazon.awssdk.services.config.model.ConfigRule>> rules = calls.observe("config",
                "DescribeConfigRules", null, () -> config.describeConfigRulesPaginator(r -> { }).configRules().stream().toList());
        if (rules.isKnown()) {
            for (var rule : rules.value()) {
                sink.configRule(new ConfigRule(accountId, region, rule.configRuleName(),
                        rule.source() == null ? null : rule.source().sourceIdentifier(), rule.configRuleStateAsString()));
            }
        }
    }
}
