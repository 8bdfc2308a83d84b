package io.atrest.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * A general-purpose S3 bucket and the settings that protect its data.
 *
 * @param policy the bucket policy document as JSON text; a known null means the bucket has none
 * @param tags a known empty map means the bucket has no tags
 */
public record S3Bucket(
        String accountId,
        String name,
        String region,
        Instant createdAt,
        Observed<BucketEncryption> encryption,
        Observed<BucketVersioning> versioning,
        Observed<PublicAccessBlock> publicAccessBlock,
        Observed<String> policy,
        Observed<Map<String, String>> tags) {

    @JsonIgnore
    public String arn() {
        return "arn:" + Partition.ofRegion(region) + ":s3:::" + name;
    }
}
