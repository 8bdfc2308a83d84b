package io.atrest.scanner.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EBS volume, from DescribeVolumes.
 *
 * @param kmsKeyId the key ARN for an encrypted volume, else null
 * @param attachedTo instance ids the volume is attached to
 */
public record EbsVolume(
        String accountId,
        String region,
        String volumeId,
        boolean encrypted,
        String kmsKeyId,
        String state,
        int sizeGiB,
        List<String> attachedTo,
        Instant createdAt,
        Map<String, String> tags) implements DataStore {

    public EbsVolume {
        attachedTo = attachedTo == null ? List.of() : List.copyOf(attachedTo);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String arn() {
        return "arn:" + Partition.ofRegion(region) + ":ec2:" + region + ":" + accountId + ":volume/" + volumeId;
    }

    @Override
    public String displayName() {
        return tags.getOrDefault("Name", volumeId);
    }

    @Override
    public String resourceType() {
        return "AwsEc2Volume";
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
