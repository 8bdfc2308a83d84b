package io.atrest.scanner.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.check.enforcement.ScpCheck;
import io.atrest.scanner.check.enforcement.ScpDenial;
import io.atrest.scanner.check.monitoring.CloudTrailKmsEncrypted;
import io.atrest.scanner.check.monitoring.CloudTrailLogValidation;
import io.atrest.scanner.check.monitoring.CloudTrailMultiRegion;
import io.atrest.scanner.check.monitoring.ConfigEncryptionRules;
import io.atrest.scanner.check.monitoring.ConfigRecorderOn;
import io.atrest.scanner.check.monitoring.KmsDeletionAlerting;
import io.atrest.scanner.check.network.VpcDynamoEndpoint;
import io.atrest.scanner.check.network.VpcKmsEndpoint;
import io.atrest.scanner.check.network.VpcS3Endpoint;
import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.ConfigRecorder;
import io.atrest.scanner.inventory.ConfigRule;
import io.atrest.scanner.inventory.EventRule;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.MetricAlarm;
import io.atrest.scanner.inventory.MetricFilter;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.ServiceControlPolicy;
import io.atrest.scanner.inventory.Trail;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.inventory.VpcEndpoint;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** PASS, FAIL, NOT_APPLICABLE and NOT_EVALUATED for the network, monitoring and enforcement checks. */
class ControlChecksTest {
    private static final String A = Scene.ACCOUNT;
    private static final String R = Scene.REGION;
    private static final String TRAIL = "arn:aws:cloudtrail:" + R + ":" + A + ":trail/main";
    private static final String CMK = "arn:aws:kms:" + R + ":" + A + ":key/cmk";

    private static Trail trail(boolean multiRegion, String kms, boolean validation, Observed<Boolean> logging) {
        return new Trail(A, R, "main", TRAIL, multiRegion, false, kms, validation, null, logging,
                Observed.of(new Trail.ManagementEvents(true, true)));
    }

    private static Finding only(Check check, Scene scene) {
        List<Finding> findings = check.evaluate(scene.evaluation());
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void vpcEndpoints() {
        Vpc vpc = new Vpc(A, R, "vpc-1", false, "10.0.0.0/16", Map.of());
        Scene withS3 = new Scene().add(b -> {
            b.vpc(vpc);
            b.vpcEndpoint(new VpcEndpoint(A, R, "vpce-1", "vpc-1", "com.amazonaws." + R + ".s3", "Gateway", "available", null));
        });
        assertThat(only(new VpcS3Endpoint(), withS3).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(new VpcDynamoEndpoint(), withS3).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(new VpcS3Endpoint(), new Scene().add(b -> b.vpc(vpc)).error(Scene.denied("ec2", "DescribeVpcEndpoints", null)))
                .outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        // KMS endpoints are demanded only where the account holds sensitive data.
        assertThat(only(new VpcKmsEndpoint(), withS3).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        Scene sensitive = new Scene().add(b -> b.vpc(vpc)).with(Scene.bucket("vault", Scene.sseS3(), "restricted"));
        assertThat(only(new VpcKmsEndpoint(), sensitive).outcome()).isEqualTo(Outcome.FAIL);
        // Which levels demand it is the policy's kmsEndpoint, not their rank: a policy without it demands none.
        var base = io.atrest.scanner.policy.ClassificationPolicy.defaults();
        var levels = base.levels().stream().map(l -> new io.atrest.scanner.policy.Level(l.name(), l.minimumKeyTier(), l.keyTierSeverity(),
                l.requireVersioning(), l.requireMfaDelete(), l.requireBlockPublicAccess(), l.requireEncryptionPolicy(), l.requireDedicatedKey(),
                l.requireMfaKeyAdministration(), l.requireVpcEndpointOnly(), l.allowedNetworks(), l.requireViaService(),
                l.requirePointInTimeRecovery(), l.requireDeletionProtection(), l.requireBackups(), l.allowPublicAccess(),
                l.name().equals("internal"))).toList();
        var onlyInternal = new io.atrest.scanner.policy.ClassificationPolicy(base.tagKeys(), levels, base.untaggedLevel(), true);
        Scene internal = new Scene().add(b -> b.vpc(vpc)).with(Scene.bucket("notes", Scene.sseS3(), "internal"));
        assertThat(new VpcKmsEndpoint().evaluate(new Evaluation(internal.inventory(), onlyInternal, Scene.NOW)).get(0).outcome())
                .isEqualTo(Outcome.FAIL);
        Finding restrictedNotNamed = new VpcKmsEndpoint().evaluate(new Evaluation(sensitive.inventory(), onlyInternal, Scene.NOW)).get(0);
        assertThat(restrictedNotNamed.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(restrictedNotNamed.message()).contains("restricted, which does not demand a KMS endpoint");
    }

    @Test
    void cloudTrail() {
        Scene good = new Scene().with(Scene.customerKey("cmk", KeyState.ENABLED, Observed.of(true)))
                .add(b -> b.trail(trail(true, CMK, true, Observed.of(true))));
        assertThat(only(new CloudTrailMultiRegion(), good).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(new CloudTrailKmsEncrypted(), good).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(new CloudTrailLogValidation(), good).outcome()).isEqualTo(Outcome.PASS);

        Scene bad = new Scene().add(b -> b.trail(trail(false, null, false, Observed.of(true))));
        assertThat(only(new CloudTrailMultiRegion(), bad).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(new CloudTrailKmsEncrypted(), bad).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(new CloudTrailLogValidation(), bad).outcome()).isEqualTo(Outcome.FAIL);
        Scene awsKey = new Scene().with(Scene.awsManagedKey("awsk", "alias/aws/cloudtrail"))
                .add(b -> b.trail(trail(true, "arn:aws:kms:" + R + ":" + A + ":key/awsk", true, Observed.of(true))));
        assertThat(only(new CloudTrailKmsEncrypted(), awsKey).outcome()).isEqualTo(Outcome.FAIL);

        Scene unknown = new Scene().add(b -> b.trail(trail(true, "arn:aws:kms:" + R + ":999999999999:key/x", true,
                Observed.failed(Scene.denied("cloudtrail", "GetTrailStatus", TRAIL)))));
        assertThat(only(new CloudTrailMultiRegion(), unknown).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(only(new CloudTrailKmsEncrypted(), unknown).outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(only(new CloudTrailMultiRegion(), new Scene().error(Scene.denied("cloudtrail", "DescribeTrails", null))).outcome())
                .isEqualTo(Outcome.NOT_EVALUATED);

        // An organization trail seen from a member account is judged once, where it lives.
        Trail shadow = new Trail(A, "us-east-1", "org", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org", true, true, CMK, true,
                null, Observed.of(true), Observed.of(new Trail.ManagementEvents(true, true)));
        Scene member = new Scene().add(b -> b.trail(shadow));
        assertThat(new CloudTrailLogValidation().evaluate(member.evaluation())).isEmpty();
        assertThat(only(new CloudTrailMultiRegion(), member).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void kmsDeletionAlertingAcceptsMetricFiltersOrEventBridge() {
        MetricFilter filter = new MetricFilter(A, R, "trail-logs", "kms-deletion",
                "{($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion))}",
                List.of(new MetricFilter.MetricName("CIS", "KmsDeletion")));
        MetricAlarm alarm = new MetricAlarm(A, R, "kms-deletion", "CIS", "KmsDeletion", true, 1);
        EventRule rule = new EventRule(A, R, "kms", "arn:rule", "default", "ENABLED",
                "{\"source\":[\"aws.kms\"],\"detail\":{\"eventName\":[\"ScheduleKeyDeletion\"]}}", 1);
        assertThat(only(new KmsDeletionAlerting(), new Scene().add(b -> { b.metricFilter(filter); b.metricAlarm(alarm); })).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(only(new KmsDeletionAlerting(), new Scene().add(b -> b.eventRule(rule))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(new KmsDeletionAlerting(), new Scene().add(b -> b.metricFilter(filter))).outcome())
                .as("a filter with no alarm alerts nobody").isEqualTo(Outcome.FAIL);
        assertThat(only(new KmsDeletionAlerting(), new Scene().add(b -> b.eventRule(new EventRule(A, R, "kms", "arn:rule", "default",
                "DISABLED", rule.eventPattern(), 1)))).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(only(new KmsDeletionAlerting(), new Scene().error(Scene.denied("events", "ListRules", null))).outcome())
                .isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void awsConfig() {
        String name = "prod / " + R;
        Scene on = new Scene().add(b -> {
            b.configRecorder(new ConfigRecorder(A, R, "default", true, Observed.of(true)));
            b.configRule(new ConfigRule(A, R, "ebs", "ENCRYPTED_VOLUMES", "ACTIVE"));
        });
        assertThat(on.finding(new ConfigRecorderOn(), name).outcome()).isEqualTo(Outcome.PASS);
        assertThat(on.finding(new ConfigEncryptionRules(), "prod").outcome()).isEqualTo(Outcome.PASS);
        Scene stopped = new Scene().add(b -> b.configRecorder(new ConfigRecorder(A, R, "default", true, Observed.of(false))));
        assertThat(stopped.finding(new ConfigRecorderOn(), name).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(new Scene().finding(new ConfigRecorderOn(), name).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(new Scene().finding(new ConfigEncryptionRules(), "prod").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(new Scene().error(Scene.denied("config", "DescribeConfigurationRecorders", null)).finding(new ConfigRecorderOn(), name)
                .outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(new Scene().error(Scene.denied("config", "DescribeConfigRules", null)).finding(new ConfigEncryptionRules(), "prod")
                .outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    private static Finding scp(Check check, Consumer<InventoryBuilder> more) {
        return scpIn(check, "111111111111", more);
    }

    /** The account A in an organization whose management account is {@code management}. */
    private static Finding scpIn(Check check, String management, Consumer<InventoryBuilder> more) {
        return scpIn(check, management, R, more);
    }

    private static Finding scpIn(Check check, String management, String region, Consumer<InventoryBuilder> more) {
        InventoryBuilder b = new InventoryBuilder();
        b.account(new Account(A, "prod", "p@example.com", "ACTIVE", List.of("Prod"), Map.of(), List.of("r-root", "ou-prod")));
        b.scope(new AccountRegion(A, region));
        more.accept(b);
        return check.evaluate(new Evaluation(b.build(Scene.NOW, new Organization("o-1", management)),
                ClassificationPolicy.defaults(), Scene.NOW)).get(0);
    }

    /** An SCP Deny counts where its Resource covers what the call creates, written in the account's partition. */
    @Test
    void anScpDenyMustCoverTheCreatedResourceInTheAccountsPartition() {
        java.util.function.Function<String, Consumer<InventoryBuilder>> withResource = resource -> b -> b.serviceControlPolicy(
                new ServiceControlPolicy("p-1", "arn:p-1", "Guardrails", false, """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:CreateVolume","Resource":"%s",
                         "Condition":{"Bool":{"ec2:Encrypted":"false"}}}]}""".formatted(resource), List.of("ou-prod")));
        Check ebs = new ScpCheck(ScpDenial.UNENCRYPTED_EBS);
        assertThat(scpIn(ebs, "111111111111", "us-gov-west-1", withResource.apply("arn:aws-us-gov:ec2:*:*:volume/*")).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(scpIn(ebs, "111111111111", R, withResource.apply("arn:aws:ec2:*:*:volume/*")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(scpIn(ebs, "111111111111", R, withResource.apply("arn:aws:ec2:*:*:snapshot/*")).outcome())
                .as("a Deny on snapshots does not stop unencrypted volumes").isEqualTo(Outcome.FAIL);
    }

    @Test
    void serviceControlPolicies() {
        String guardrails = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Deny","Action":"ec2:CreateVolume","Resource":"*","Condition":{"Bool":{"ec2:Encrypted":"false"}}},
                 {"Effect":"Deny","Action":["rds:CreateDBInstance","rds:CreateDBCluster"],"Resource":"*","Condition":{"Bool":{"rds:StorageEncrypted":"false"}}},
                 {"Effect":"Deny","Action":"ec2:DisableEbsEncryptionByDefault","Resource":"*"}]}""";
        Consumer<InventoryBuilder> onOu = b -> b.serviceControlPolicy(new ServiceControlPolicy("p-1", "arn:p-1", "Guardrails", false,
                guardrails, List.of("ou-prod")));
        Consumer<InventoryBuilder> elsewhere = b -> b.serviceControlPolicy(new ServiceControlPolicy("p-1", "arn:p-1", "Guardrails", false,
                guardrails, List.of("ou-other")));
        for (Check check : List.of(new ScpCheck(ScpDenial.UNENCRYPTED_EBS), new ScpCheck(ScpDenial.UNENCRYPTED_RDS), new ScpCheck(ScpDenial.EBS_DEFAULT_ENCRYPTION_OFF))) {
            assertThat(scp(check, onOu).outcome()).as(check.info().id()).isEqualTo(Outcome.PASS);
            assertThat(scp(check, elsewhere).outcome()).as(check.info().id()).isEqualTo(Outcome.FAIL);
            assertThat(scp(check, b -> b.error(new io.atrest.scanner.inventory.CollectionError("111111111111", null, "organizations",
                    "ListPolicies", io.atrest.scanner.inventory.ErrorReason.ACCESS_DENIED, "AccessDeniedException", "no", null)))
                    .outcome()).as(check.info().id()).isEqualTo(Outcome.NOT_EVALUATED);
            // Scene's only account is its organization's management account, which no SCP binds.
            Finding management = new Scene().finding(check, "prod");
            assertThat(management.outcome()).as("the management account").isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(management.message()).isEqualTo("service control policies do not apply to the management account");
            Consumer<InventoryBuilder> onRoot = b -> b.serviceControlPolicy(new ServiceControlPolicy("p-1", "arn:p-1", "Guardrails", false,
                    guardrails, List.of("r-root")));
            assertThat(scpIn(check, A, onRoot).outcome()).as("the management account under a root SCP").isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(check.evaluate(new Evaluation(new io.atrest.scanner.inventory.Inventory(1, Scene.NOW,
                    Organization.standalone(A), List.of(new Account(A, "solo", null, "ACTIVE", List.of(), Map.of())), List.of(),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null), ClassificationPolicy.defaults(), Scene.NOW)).get(0).outcome())
                    .as("no organization").isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }
}
