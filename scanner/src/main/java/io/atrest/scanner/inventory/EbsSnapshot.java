package io.atrest.scanner.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * An EBS snapshot the account owns.
 *
 * @param publiclyRestorable whether anyone may create a volume from it (its createVolumePermission
 *     holds the group "all"); unknown when that listing failed
 */
public record EbsSnapshot(
        String accountId,
        String region,
        String snapshotId,
        String volumeId,
        boolean encrypted,
        String kmsKeyId,
        String state,
        Instant startedAt,
        Observed<Boolean> publiclyRestorable,
        Map<String, String> tags) implements DataStore {

    public EbsSnapshot {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String arn() {
        return "arn:" + Partition.ofRegion(region) + ":ec2:" + region + "::snapshot/" + snapshotId;
    }

    @Override
    public String displayName() {
        return tags.getOrDefault("Name", snapshotId);
    }

    @Override
    public String resourceType() {
        return "AwsEc2Snapshot";
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return Observed.of(tags);
    }

    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return Observed.of(encrypted ? StoreEncryption.kms(kmsKeyId, "alias/aws/ebs") : StoreEncryption.NONE);
    }
}
