package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.EbsDefaults;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Vpc;
import io.atrest.scanner.inventory.VpcEndpoint;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * Collects one region's EBS volumes, the snapshots the account owns (and, in one more list
 * call, which of them anyone may restore), the EBS encryption defaults, VPCs and VPC endpoints.
 */
public final class Ec2Collector {
    private final String accountId;
    private final String region;
    private final Ec2Client ec2;
    private final InventoryBuilder sink;

    public Ec2Collector(String accountId, String region, Ec2Client ec2, InventoryBuilder sink) {
        this.accountId = accountId;
        this.region = region;
        this.ec2 = ec2;
        this.sink = sink;
    }

    public void collect() {
        Calls calls = new Calls(accountId, region, sink);
        collectVolumes(calls);
        collectSnapshots(calls);
        sink.ebsDefaults(new EbsDefaults(accountId, region,
                calls.observe("ec2", "GetEbsEncryptionByDefault", null,
                        () -> Boolean.TRUE.equals(ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault())),
                calls.observe("ec2", "GetEbsDefaultKmsKeyId", null,
                        () -> ec2.getEbsDefaultKmsKeyId(r -> { }).kmsKeyId())));
        Observed<List<software.amazon.awssdk.services.ec2.model.Vpc>> vpcs = calls.observe("ec2", "DescribeVpcs", null,
                () -> ec2.describeVpcsPaginator(r -> { }).vpcs().stream().toList());
        if (vpcs.isKnown()) {
            vpcs.value().forEach(v -> sink.vpc(new Vpc(accountId, region, v.vpcId(), Boolean.TRUE.equals(v.isDefault()),
                    v.cidrBlock(), tags(v.tags()))));
        }
        Observed<List<software.amazon.awssdk.services.ec2.model.VpcEndpoint>> endpoints = calls.observe("ec2",
                "DescribeVpcEndpoints", null, () -> ec2.describeVpcEndpointsPaginator(r -> { }).vpcEndpoints().stream().toList());
        if (endpoints.isKnown()) {
            endpoints.value().forEach(e -> sink.vpcEndpoint(new VpcEndpoint(accountId, region, e.vpcEndpointId(), e.vpcId(),
                    e.serviceName(), e.vpcEndpointTypeAsString(), e.stateAsString(), e.policyDocument())));
        }
    }

    private void collectVolumes(Calls calls) {
        Observed<List<Volume>> volumes = calls.observe("ec2", "DescribeVolumes", null,
                () -> ec2.describeVolumesPaginator(r -> { }).volumes().stream().toList());
        if (!volumes.isKnown()) {
            return;
        }
        for (Volume v : volumes.value()) {
            sink.volume(new EbsVolume(accountId, region, v.volumeId(), Boolean.TRUE.equals(v.encrypted()), v.kmsKeyId(),
                    v.stateAsString(), v.size() == null ? 0 : v.size(),
                    v.attachments().stream().map(a -> a.instanceId()).toList(), v.createTime(), tags(v.tags())));
        }
    }

    /** Owned snapshots, then the public ones among them: two list calls, not one per snapshot. */
    private void collectSnapshots(Calls calls) {
        Observed<List<Snapshot>> owned = calls.observe("ec2", "DescribeSnapshots", null,
                () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self")).snapshots().stream().toList());
        if (!owned.isKnown()) {
            return;
        }
        Observed<Set<String>> publicIds = calls.observe("ec2", "DescribeSnapshots", "RestorableByUserIds=all",
                () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").restorableByUserIds("all")).snapshots().stream()
                        .map(Snapshot::snapshotId).collect(Collectors.toSet()));
        for (Snapshot s : owned.value()) {
            sink.snapshot(new EbsSnapshot(accountId, region, s.snapshotId(), s.volumeId(), Boolean.TRUE.equals(s.encrypted()),
                    s.kmsKeyId(), s.stateAsString(), s.startTime(), publicIds.map(ids -> ids.contains(s.snapshotId())),
                    tags(s.tags())));
        }
    }

    private static java.util.Map<String, String> tags(List<Tag> tags) {
        return Tags.of(tags, Tag::key, Tag::value);
    }
}
