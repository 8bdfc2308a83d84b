package io.atrest.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeRegion;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.Trail;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.config.model.Source;
import software.amazon.awssdk.services.eventbridge.model.Rule;

class MonitoringCollectorTest {
    private static final String ACCOUNT = "111122223333";
    private final FakeAccount account = new FakeAccount(ACCOUNT);
    private final CallLog log = new CallLog();
    private static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org";

    private Inventory collect(String... regions) {
        InventoryBuilder sink = new InventoryBuilder();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        FakeAccountClients clients = new FakeAccountClients(account, log, 10);
        for (String region : regions) {
            new MonitoringCollector(ACCOUNT, region, clients, sink, seen).collect();
        }
        return sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
    }

    @Test
    void aMultiRegionTrailSeenInEveryRegionIsKeptOnceWithStatusAndSelectors() {
        var trail = software.amazon.awssdk.services.cloudtrail.model.Trail.builder().name("org").trailARN(TRAIL).homeRegion("us-east-1")
                .isMultiRegionTrail(true).isOrganizationTrail(true).kmsKeyId("arn:aws:kms:us-east-1:1:key/t")
                .logFileValidationEnabled(true).build();
        for (String region : new String[] {"us-east-1", "eu-west-1"}) {
            FakeRegion r = account.in(region);
            r.trails.add(trail);
            r.trailLogging.put(TRAIL, true);
            r.eventSelectors.put(TRAIL, GetEventSelectorsResponse.builder()
                    .eventSelectors(EventSelector.builder().readWriteType("All").includeManagementEvents(true).build()).build());
        }
        Inventory inventory = collect("us-east-1", "eu-west-1");
        assertThat(inventory.trails()).singleElement().satisfies(t -> {
            assertThat(t.multiRegion()).isTrue();
            assertThat(t.organizationTrail()).isTrue();
            assertThat(t.logging().value()).isTrue();
            assertThat(t.managementEvents().value().all()).isTrue();
            assertThat(t.kmsKeyId()).endsWith("key/t");
        });
    }

    @Test
    void advancedSelectorsCountForManagementEvents() {
        Trail.ManagementEvents writeOnly = MonitoringCollector.managementEvents(GetEventSelectorsResponse.builder()
                .advancedEventSelectors(AdvancedEventSelector.builder().fieldSelectors(
                        AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Management").build(),
                        AdvancedFieldSelector.builder().field("readOnly").equalsValue("false").build()).build()).build());
        assertThat(writeOnly.write()).isTrue();
        assertThat(writeOnly.read()).isFalse();
        Trail.ManagementEvents dataOnly = MonitoringCollector.managementEvents(GetEventSelectorsResponse.builder()
                .advancedEventSelectors(AdvancedEventSelector.builder().fieldSelectors(
                        AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Data").build()).build()).build());
        assertThat(dataOnly.read() || dataOnly.write()).isFalse();
    }

    @Test
    void metricFiltersAlarmsRulesAndConfig() {
        FakeRegion r = account.in("eu-west-1");
        r.metricFilters.add(MetricFilter.builder().filterName("kms").logGroupName("trail")
                .filterPattern("{($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion))}")
                .metricTransformations(MetricTransformation.builder().metricNamespace("CIS").metricName("KmsKeyChanges").build()).build());
        r.alarms.add(MetricAlarm.builder().alarmName("kms-alarm").namespace("CIS").metricName("KmsKeyChanges")
                .actionsEnabled(true).alarmActions("arn:aws:sns:eu-west-1:1:sec").build());
        r.rules.add(Rule.builder().name("kms-rule").arn("arn:rule").eventBusName("default").state("ENABLED")
                .eventPattern("{\"source\":[\"aws.kms\"]}").build());
        r.rules.add(Rule.builder().name("nightly").arn("arn:nightly").eventBusName("default").state("ENABLED").build());
        r.ruleTargets.put("kms-rule", 2);
        r.recorders.add(ConfigurationRecorder.builder().name("default").recordingGroup(RecordingGroup.builder().allSupported(true).build()).build());
        r.recorderStatus.add(ConfigurationRecorderStatus.builder().name("default").recording(true).build());
        r.configRules.add(ConfigRule.builder().configRuleName("s3-sse").configRuleState("ACTIVE")
                .source(Source.builder().owner("AWS").sourceIdentifier("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED").build()).build());

        Inventory inventory = collect("eu-west-1");

        assertThat(inventory.metricFilters()).singleElement().satisfies(f -> assertThat(f.metrics()).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("KmsKeyChanges")));
        assertThat(inventory.metricAlarms()).singleElement().satisfies(a -> assertThat(a.actions()).isEqualTo(1));
        assertThat(inventory.eventRules()).extracting(e -> e.name() + ":" + e.targets()).containsExactly("kms-rule:2", "nightly:-1");
        assertThat(log.calls().stream().filter("EventBridge:ListTargetsByRule"::equals)).hasSize(1);
        assertThat(inventory.configRecorders()).singleElement().satisfies(c -> {
            assertThat(c.recording().value()).isTrue();
            assertThat(c.allSupported()).isTrue();
        });
        assertThat(inventory.configRules()).singleElement().satisfies(c ->
                assertThat(c.sourceIdentifier()).isEqualTo("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"));
    }
}
