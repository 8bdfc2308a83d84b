package io.atrest.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * A general-purpose S3 bucket and the settings that protect its data.
 *
 * @param policy the bucket policy document as JSON text; a known null means the bucket has none
 * @param tags a known empty map means the bucket has no tags
 * @param aclGrantsPublic whether the bucket ACL grants anything to AllUsers or AuthenticatedUsers
 * @param callsSkipped the calls the collector did not make because what they read could not change a verdict, each with
 *     why ("GetBucketAcl": "ACLs ignored by the account's Block Public Access (IgnorePublicAcls)"); the checks say so in
 *     their evidence, so a skipped call is never a silent pass
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
        Observed<Map<String, String>> tags,
        Observed<Boolean> aclGrantsPublic,
        Map<String, String> callsSkipped) implements DataStore {

    public S3Bucket {
        aclGrantsPublic = aclGrantsPublic == null ? Observed.absent() : aclGrantsPublic;
        callsSkipped = callsSkipped == null ? Map.of() : Map.copyOf(callsSkipped);
    }

    /** Why {@code operation} was not called for this bucket, or null when it was. */
    public String skipped(String operation) {
        return callsSkipped.get(operation);
    }

    public S3Bucket(String accountId, String name, String region, Instant createdAt, Observed<BucketEncryption> encryption,
                    Observed<BucketVersioning> versioning, Observed<PublicAccessBlock> publicAccessBlock, Observed<String> policy,
                    Observed<Map<String, String>> tags, Observed<Boolean> aclGrantsPublic) {
        this(accountId, name, region, createdAt, encryption, versioning, publicAccessBlock, policy, tags, aclGrantsPublic, Map.of());
    }

    public S3Bucket(String accountId, String name, String region, java.time.Instant createdAt, Observed<BucketEncryption> encryption,
                    Observed<BucketVersioning> versioning, Observed<PublicAccessBlock> publicAccessBlock, Observed<String> policy,
                    Observed<Map<String, String>> tags) {
        this(accountId, name, region, createdAt, encryption, versioning, publicAccessBlock, policy, tags, Observed.of(false), Map.of());
    }

    @JsonIgnore
    @Override
    public String arn() {
        return "arn:" + Partition.ofRegion(region) + ":s3:::" + name;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String resourceType() {
        return "AwsS3Bucket";
    }

    @Override
    public Observed<Map<String, String>> storeTags() {
        return tags;
    }

    /** SSE-S3 is provider-owned; SSE-KMS without a key id uses the account's {@code aws/s3} key. */
    @Override
    public Observed<StoreEncryption> storeEncryption() {
        return encryption.map(e -> switch (e.type()) {
            case NONE -> StoreEncryption.NONE;
            case SSE_S3 -> StoreEncryption.PROVIDER_OWNED;
            case SSE_KMS, DSSE_KMS -> StoreEncryption.kms(e.kmsKeyRef(), "alias/aws/s3");
        }).orElseIfAbsent(StoreEncryption.NONE);
    }
}
