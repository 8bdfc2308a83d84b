package io.atrest.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.scanner.fake.CallLog;
import io.atrest.scanner.fake.FakeAccount;
import io.atrest.scanner.fake.FakeAccountClients;
import io.atrest.scanner.fake.FakeRegion;
import io.atrest.scanner.inventory.EbsSnapshot;
import io.atrest.scanner.inventory.EbsVolume;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Organization;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

class Ec2CollectorTest {
    private static final String ACCOUNT = "111122223333";
    private final FakeAccount account = new FakeAccount(ACCOUNT);
    private final FakeRegion region = account.in("eu-west-1");
    private final CallLog log = new CallLog();

    private Inventory collect() {
        InventoryBuilder sink = new InventoryBuilder();
        new Ec2Collector(ACCOUNT, "eu-west-1", new FakeAccountClients(account, log, 2).ec2("eu-west-1"), sink).collect();
        return sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
    }

    @Test
    void pagesVolumesAndReadsEncryptionKeyAttachmentAndTags() {
        for (int i = 0; i < 5; i++) {
            region.volumes.add(Volume.builder().volumeId("vol-" + i).encrypted(i % 2 == 0)
                    .kmsKeyId(i % 2 == 0 ? "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k" : null).state("in-use").size(8)
                    .attachments(VolumeAttachment.builder().instanceId("i-" + i).build())
                    .tags(Tag.builder().key("DataClassification").value("confidential").build()).build());
        }
        Inventory inventory = collect();
        assertThat(inventory.volumes()).hasSize(5);
        assertThat(log.calls().stream().filter("Ec2:DescribeVolumes"::equals)).hasSize(3);
        EbsVolume v0 = inventory.volumes().get(0);
        assertThat(v0.encrypted()).isTrue();
        assertThat(v0.kmsKeyId()).endsWith(":key/k");
        assertThat(v0.attachedTo()).containsExactly("i-0");
        assertThat(v0.tags()).containsEntry("DataClassification", "confidential");
        assertThat(inventory.volumes().get(1).encrypted()).isFalse();
    }

    @Test
    void findsPublicSnapshotsWithOneListCallNotOnePerSnapshot() {
        for (int i = 0; i < 4; i++) {
            region.snapshots.add(Snapshot.builder().snapshotId("snap-" + i).volumeId("vol-" + i).encrypted(i > 0).build());
        }
        region.publicSnapshots.add("snap-0");
        Inventory inventory = collect();
        assertThat(inventory.snapshots()).extracting(EbsSnapshot::snapshotId, s -> s.publiclyRestorable().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("snap-0", true), org.assertj.core.groups.Tuple.tuple("snap-1", false),
                        org.assertj.core.groups.Tuple.tuple("snap-2", false), org.assertj.core.groups.Tuple.tuple("snap-3", false));
        assertThat(log.calls().stream().filter("Ec2:DescribeSnapshots"::equals)).hasSize(2);
    }

    @Test
    void aDeniedPublicListingLeavesExposureUnknownNotPrivate() {
        region.snapshots.add(Snapshot.builder().snapshotId("snap-0").encrypted(true).build());
        // The first DescribeSnapshots (owned) succeeds, the second (public ones) is denied.
        CallLog once = new CallLog();
        InventoryBuilder sink = new InventoryBuilder();
        int[] n = {0};
        once.fail("Ec2:DescribeSnapshots", () -> n[0]++ == 0 ? null : CallLog.error("UnauthorizedOperation", 403));
        new Ec2Collector(ACCOUNT, "eu-west-1", new FakeAccountClients(account, once, 2).ec2("eu-west-1"), sink).collect();
        Inventory inventory = sink.build(Instant.EPOCH, Organization.standalone(ACCOUNT));
        assertThat(inventory.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.publiclyRestorable().isKnown()).isFalse();
            assertThat(s.publiclyRestorable().error().reason()).isEqualTo(ErrorReason.ACCESS_DENIED);
        });
    }

    @Test
    void readsEbsDefaultsVpcsAndEndpoints() {
        region.ebsEncryptionByDefault = true;
        region.ebsDefaultKey = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/default";
        region.vpcs.add(Vpc.builder().vpcId("vpc-1").isDefault(false).cidrBlock("10.0.0.0/16").build());
        region.endpoints.add(VpcEndpoint.builder().vpcEndpointId("vpce-1").vpcId("vpc-1")
                .serviceName("com.amazonaws.eu-west-1.s3").vpcEndpointType("Gateway").state("available").policyDocument("{}").build());
        Inventory inventory = collect();
        assertThat(inventory.ebsDefaults()).singleElement().satisfies(d -> {
            assertThat(d.encryptionByDefault().value()).isTrue();
            assertThat(d.defaultKmsKeyId().value()).endsWith("key/default");
        });
        assertThat(inventory.vpcs()).singleElement().satisfies(v -> assertThat(v.vpcId()).isEqualTo("vpc-1"));
        assertThat(inventory.vpcEndpoints()).singleElement().satisfies(e -> assertThat(e.service()).isEqualTo("s3"));
    }
}
