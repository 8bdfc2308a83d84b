package io.atrest.scanner.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** What one region of a fake account holds, as SDK model objects the fakes hand back. */
public final class FakeRegion {
    public final List<Volume> volumes = new ArrayList<>();
    public final List<Snapshot> snapshots = new ArrayList<>();
    public final Set<String> publicSnapshots = new HashSet<>();
    public boolean ebsEncryptionByDefault;
    public String ebsDefaultKey = "alias/aws/ebs";
    public final List<Vpc> vpcs = new ArrayList<>();
    public final List<VpcEndpoint> endpoints = new ArrayList<>();
    public final List<DBInstance> dbInstances = new ArrayList<>();
    public final List<DBCluster> dbClusters = new ArrayList<>();
    public final List<DBSnapshot> dbSnapshots = new ArrayList<>();
    public final List<DBClusterSnapshot> clusterSnapshots = new ArrayList<>();
    /** Identifiers of DB and cluster snapshots whose "restore" attribute holds "all". */
    public final Set<String> publicDbSnapshots = new HashSet<>();
    public final Map<String, TableDescription> tables = new LinkedHashMap<>();
    public final Set<String> pitrTables = new HashSet<>();
    public final Map<String, Map<String, String>> tableTags = new HashMap<>();
    public final List<FileSystemDescription> fileSystems = new ArrayList<>();
    /** File system id -> backup policy status; absent means no backup policy (PolicyNotFound). */
    public final Map<String, String> backupPolicies = new HashMap<>();
    public final List<Trail> trails = new ArrayList<>();
    public final Map<String, Boolean> trailLogging = new HashMap<>();
    public final Map<String, GetEventSelectorsResponse> eventSelectors = new HashMap<>();
    public final List<MetricFilter> metricFilters = new ArrayList<>();
    public final List<MetricAlarm> alarms = new ArrayList<>();
    public final List<Rule> rules = new ArrayList<>();
    public final Map<String, Integer> ruleTargets = new HashMap<>();
    public final List<ConfigurationRecorder> recorders = new ArrayList<>();
    public final List<ConfigurationRecorderStatus> recorderStatus = new ArrayList<>();
    public final List<ConfigRule> configRules = new ArrayList<>();

    /** The stores of the declared kinds (their SDK model objects), by model class. */
    private final Map<Class<?>, List<Object>> stores = new java.util.concurrent.ConcurrentHashMap<>();
    /** Tags of the declared kinds' stores, by ARN (or by the name the service's tag call takes). */
    public final Map<String, Map<String, String>> tags = new java.util.concurrent.ConcurrentHashMap<>();
    /** Resource policies of the declared kinds' stores, by ARN or name; absent: no policy. */
    public final Map<String, String> policies = new java.util.concurrent.ConcurrentHashMap<>();

    /** The region's stores of one model class, to add to or to serve. */
    @SuppressWarnings("unchecked")
    public <T> List<T> of(Class<T> model) {
        return (List<T>) stores.computeIfAbsent(model, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
    }
}
