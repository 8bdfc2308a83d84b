package io.atrest.scanner.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.DescribeConfigRulesResponse;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusResponse;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsDefaultKmsKeyIdResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.BackupPolicy;
import software.amazon.awssdk.services.efs.model.DescribeBackupPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeBackupPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotAttributesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotAttributesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/** Fakes of the EC2, RDS, DynamoDB, EFS and monitoring clients over a {@link FakeAccount}, paging by {@code pageSize}. */
final class FakeServices {
    private FakeServices() {}

    /** Items of the page that starts at {@code token}, and the next token. */
    private record Page<T>(List<T> items, String next) {
        static <T> Page<T> of(List<T> all, String token, int size) {
            int start = token == null ? 0 : Integer.parseInt(token);
            int end = Math.min(all.size(), start + size);
            return new Page<>(new ArrayList<>(all.subList(start, end)), end < all.size() ? Integer.toString(end) : null);
        }
    }

    @SuppressWarnings("unchecked")
    private static <Q> Function<Object, Object> on(Function<Q, Object> handler) {
        return request -> handler.apply((Q) request);
    }

    static Ec2Client ec2(FakeAccount a, FakeRegion r, CallLog log, int pageSize) {
        return ProxyFake.of(Ec2Client.class, a.id, "Ec2", log, Map.of(
                "describeRegions", on(q -> DescribeRegionsResponse.builder()
                        .regions(a.enabledRegions.stream().map(n -> Region.builder().regionName(n).build()).toList()).build()),
                "describeVolumes", FakeServices.<DescribeVolumesRequest>on(q -> {
                    Page<software.amazon.awssdk.services.ec2.model.Volume> page = Page.of(r.volumes, q.nextToken(), pageSize);
                    return DescribeVolumesResponse.builder().volumes(page.items()).nextToken(page.next()).build();
                }),
                "describeSnapshots", FakeServices.<DescribeSnapshotsRequest>on(q -> DescribeSnapshotsResponse.builder()
                        .snapshots(r.snapshots.stream()
                                .filter(s -> !q.restorableByUserIds().contains("all") || r.publicSnapshots.contains(s.snapshotId()))
                                .toList()).build()),
                "getEbsEncryptionByDefault", on(q -> GetEbsEncryptionByDefaultResponse.builder()
                        .ebsEncryptionByDefault(r.ebsEncryptionByDefault).build()),
                "getEbsDefaultKmsKeyId", on(q -> GetEbsDefaultKmsKeyIdResponse.builder().kmsKeyId(r.ebsDefaultKey).build()),
                "describeVpcs", on(q -> DescribeVpcsResponse.builder().vpcs(r.vpcs).build()),
                "describeVpcEndpoints", on(q -> DescribeVpcEndpointsResponse.builder().vpcEndpoints(r.endpoints).build())));
    }

    static RdsClient rds(FakeAccount a, FakeRegion r, CallLog log, int pageSize) {
        return ProxyFake.of(RdsClient.class, a.id, "Rds", log, Map.of(
                "describeDBInstances", FakeServices.<DescribeDbInstancesRequest>on(q -> {
                    Page<software.amazon.awssdk.services.rds.model.DBInstance> page = Page.of(r.dbInstances, q.marker(), pageSize);
                    return DescribeDbInstancesResponse.builder().dbInstances(page.items()).marker(page.next()).build();
                }),
                // The engine filter, as RDS applies it (DocumentDB and Neptune list their clusters so).
                "describeDBClusters", FakeServices.<software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest>on(q ->
                        DescribeDbClustersResponse.builder().dbClusters(r.dbClusters.stream().filter(c -> q.filters().stream()
                                .noneMatch(f -> "engine".equals(f.name()) && !f.values().contains(c.engine()))).toList()).build()),
                "describeDBSnapshots", on(q -> DescribeDbSnapshotsResponse.builder().dbSnapshots(r.dbSnapshots).build()),
                "describeDBClusterSnapshots", on(q -> DescribeDbClusterSnapshotsResponse.builder()
                        .dbClusterSnapshots(r.clusterSnapshots).build()),
                "describeDBSnapshotAttributes", FakeServices.<DescribeDbSnapshotAttributesRequest>on(q ->
                        DescribeDbSnapshotAttributesResponse.builder().dbSnapshotAttributesResult(DBSnapshotAttributesResult.builder()
                                .dbSnapshotIdentifier(q.dbSnapshotIdentifier())
                                .dbSnapshotAttributes(DBSnapshotAttribute.builder().attributeName("restore")
                                        .attributeValues(r.publicDbSnapshots.contains(q.dbSnapshotIdentifier()) ? List.of("all") : List.of())
                                        .build()).build()).build()),
                "describeDBClusterSnapshotAttributes", FakeServices.<DescribeDbClusterSnapshotAttributesRequest>on(q ->
                        DescribeDbClusterSnapshotAttributesResponse.builder().dbClusterSnapshotAttributesResult(
                                DBClusterSnapshotAttributesResult.builder()
                                        .dbClusterSnapshotIdentifier(q.dbClusterSnapshotIdentifier())
                                        .dbClusterSnapshotAttributes(DBClusterSnapshotAttribute.builder().attributeName("restore")
                                                .attributeValues(r.publicDbSnapshots.contains(q.dbClusterSnapshotIdentifier())
                                                        ? List.of("all") : List.of()).build()).build()).build())));
    }

    static DynamoDbClient dynamo(FakeAccount a, FakeRegion r, CallLog log, int pageSize) {
        return ProxyFake.of(DynamoDbClient.class, a.id, "DynamoDb", log, Map.of(
                "listTables", FakeServices.<ListTablesRequest>on(q -> {
                    List<String> names = new ArrayList<>(r.tables.keySet());
                    int start = q.exclusiveStartTableName() == null ? 0 : names.indexOf(q.exclusiveStartTableName()) + 1;
                    int end = Math.min(names.size(), start + pageSize);
                    return ListTablesResponse.builder().tableNames(names.subList(start, end))
                            .lastEvaluatedTableName(end < names.size() ? names.get(end - 1) : null).build();
                }),
                "describeTable", FakeServices.<DescribeTableRequest>on(q -> {
                    TableDescription t = r.tables.get(q.tableName());
                    if (t == null) {
                        throw CallLog.error("ResourceNotFoundException", 400);
                    }
                    return DescribeTableResponse.builder().table(t).build();
                }),
                "describeContinuousBackups", FakeServices.<DescribeContinuousBackupsRequest>on(q ->
                        DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
                                .continuousBackupsStatus("ENABLED")
                                .pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
                                        .pointInTimeRecoveryStatus(r.pitrTables.contains(q.tableName()) ? "ENABLED" : "DISABLED").build())
                                .build()).build()),
                "listTagsOfResource", FakeServices.<ListTagsOfResourceRequest>on(q -> {
                    String name = q.resourceArn().substring(q.resourceArn().lastIndexOf('/') + 1);
                    List<software.amazon.awssdk.services.dynamodb.model.Tag> tags = new ArrayList<>();
                    r.tableTags.getOrDefault(name, Map.of()).forEach((k, v) ->
                            tags.add(software.amazon.awssdk.services.dynamodb.model.Tag.builder().key(k).value(v).build()));
                    return ListTagsOfResourceResponse.builder().tags(tags).build();
                })));
    }

    static EfsClient efs(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(EfsClient.class, a.id, "Efs", log, Map.of(
                "describeFileSystems", on(q -> DescribeFileSystemsResponse.builder().fileSystems(r.fileSystems).build()),
                "describeBackupPolicy", FakeServices.<DescribeBackupPolicyRequest>on(q -> {
                    String status = r.backupPolicies.get(q.fileSystemId());
                    if (status == null) {
                        throw CallLog.error("PolicyNotFound", 404);
                    }
                    return DescribeBackupPolicyResponse.builder().backupPolicy(BackupPolicy.builder().status(status).build()).build();
                })));
    }

    static CloudTrailClient cloudTrail(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(CloudTrailClient.class, a.id, "CloudTrail", log, Map.of(
                "describeTrails", on(q -> DescribeTrailsResponse.builder().trailList(r.trails).build()),
                "getTrailStatus", FakeServices.<GetTrailStatusRequest>on(q -> GetTrailStatusResponse.builder()
                        .isLogging(r.trailLogging.getOrDefault(q.name(), false)).build()),
                "getEventSelectors", FakeServices.<GetEventSelectorsRequest>on(q ->
                        r.eventSelectors.getOrDefault(q.trailName(), GetEventSelectorsResponse.builder().build()))));
    }

    static CloudWatchLogsClient logs(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(CloudWatchLogsClient.class, a.id, "CloudWatchLogs", log, Map.of(
                "describeMetricFilters", on(q -> DescribeMetricFiltersResponse.builder().metricFilters(r.metricFilters).build()),
                // Log groups (a declared kind of store): one page each call, as many groups as asked for.
                "describeLogGroups", FakeServices.<software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest>on(q -> {
                    Pages<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> page = Pages.of(
                            r.of(software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.class), q.nextToken(), 2);
                    return software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse.builder().logGroups(page.items())
                            .nextToken(page.next()).build();
                }),
                "listTagsForResource", FakeServices.<software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest>on(q ->
                        software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse.builder()
                                .tags(r.tags.getOrDefault(q.resourceArn(), Map.of())).build())));
    }

    static CloudWatchClient cloudWatch(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(CloudWatchClient.class, a.id, "CloudWatch", log, Map.of(
                "describeAlarms", on(q -> DescribeAlarmsResponse.builder().metricAlarms(r.alarms).build())));
    }

    static EventBridgeClient eventBridge(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(EventBridgeClient.class, a.id, "EventBridge", log, Map.of(
                "listRules", on(q -> ListRulesResponse.builder().rules(r.rules).build()),
                "listTargetsByRule", FakeServices.<ListTargetsByRuleRequest>on(q -> {
                    List<Target> targets = new ArrayList<>();
                    for (int i = 0; i < r.ruleTargets.getOrDefault(q.rule(), 0); i++) {
                        targets.add(Target.builder().id("t" + i).arn("arn:aws:sns:x:1:t" + i).build());
                    }
                    return ListTargetsByRuleResponse.builder().targets(targets).build();
                })));
    }

    static ConfigClient config(FakeAccount a, FakeRegion r, CallLog log) {
        return ProxyFake.of(ConfigClient.class, a.id, "Config", log, Map.of(
                "describeConfigurationRecorders", on(q -> DescribeConfigurationRecordersResponse.builder()
                        .configurationRecorders(r.recorders).build()),
                "describeConfigurationRecorderStatus", on(q -> DescribeConfigurationRecorderStatusResponse.builder()
                        .configurationRecordersStatus(r.recorderStatus).build()),
                "describeConfigRules", on(q -> DescribeConfigRulesResponse.builder().configRules(r.configRules).build())));
    }

    /** Adds one log group (a declared kind of store served by the Logs fake) to the account's region. */
    public static void seedLogGroup(FakeAccount account, String region, String name) {
        account.in(region).of(software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.class).add(
                software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder().logGroupName(name)
                        .arn("arn:aws:logs:" + region + ":" + account.id + ":log-group:" + name + ":*").build());
    }

    /** Adds one RDS cluster of {@code engine} (DocumentDB, Neptune) to the account's region. */
    public static void seedCluster(FakeAccount account, String region, String name, String engine) {
        account.in(region).dbClusters.add(software.amazon.awssdk.services.rds.model.DBCluster.builder().dbClusterIdentifier(name)
                .engine(engine).storageEncrypted(true).dbClusterArn("arn:aws:rds:" + region + ":" + account.id + ":cluster:" + name).build());
    }
}
