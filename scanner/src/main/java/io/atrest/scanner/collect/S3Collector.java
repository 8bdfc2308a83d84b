package io.atrest.scanner.collect;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Partition;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.MFADeleteStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Collects an account's general-purpose buckets and the settings that protect them, and the
 * account-wide Block Public Access settings.
 */
public final class S3Collector {
    private static final Logger LOG = LoggerFactory.getLogger(S3Collector.class);

    static final Set<String> NO_ENCRYPTION = Set.of("ServerSideEncryptionConfigurationNotFoundError");
    static final Set<String> NO_PUBLIC_ACCESS_BLOCK = Set.of("NoSuchPublicAccessBlockConfiguration");
    static final Set<String> NO_POLICY = Set.of("NoSuchBucketPolicy");
    static final Set<String> NO_TAGS = Set.of("NoSuchTagSet", "NoSuchTagSetError");
    /** ACL grantees that mean everyone, or every AWS account. */
    static final Set<String> PUBLIC_GROUPS = Set.of(
            "http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

    /** Buckets per ListBuckets page: S3's own maximum. */
    static final int LIST_PAGE = 10_000;

    private final String accountId;
    private final AccountClients clients;
    private final String homeRegion;
    private final Set<String> regions;
    private final InventoryBuilder sink;

    /**
     * @param homeRegion where the account-wide calls go (ListBuckets, S3 Control)
     * @param regions the scanned regions; buckets elsewhere are left out
     */
    public S3Collector(String accountId, AccountClients clients, String homeRegion, Set<String> regions, InventoryBuilder sink) {
        this.accountId = accountId;
        this.clients = clients;
        this.homeRegion = homeRegion;
        this.regions = regions;
        this.sink = sink;
    }

    /** Collects everything, one bucket after another. */
    public void collect() {
        list().forEach(Runnable::run);
    }

    /**
     * Reads the account's Block Public Access and lists its buckets; answers one piece of work per
     * bucket in a scanned region (reading its settings), to be run in any order, on any thread.
     */
    public List<Runnable> list() {
        Observed<PublicAccessBlock> accountBlock = collectAccountBlock();
        Calls global = new Calls(accountId, homeRegion, sink);
        S3Client home = clients.s3(homeRegion);
        // The paginated form (max-buckets set) is the one whose answer carries each bucket's region.
        Observed<List<Bucket>> listed = global.observe("s3", "ListBuckets", null,
                () -> home.listBucketsPaginator(b -> b.maxBuckets(LIST_PAGE)).buckets().stream().toList());
        if (!listed.isKnown()) {
            return List.of();
        }
        List<Runnable> work = new ArrayList<>();
        int skipped = 0;
        for (Bucket bucket : listed.value()) {
            String region = bucket.bucketRegion() != null ? bucket.bucketRegion() : locate(global, home, bucket.name());
            if (region != null && !regions.contains(region)) {
                skipped++;
                continue;
            }
            work.add(() -> sink.bucket(describe(bucket, region, accountBlock)));
        }
        if (skipped > 0) {
            LOG.info("account {}: {} bucket(s) in regions outside the scan were left out", accountId, skipped);
        }
        return work;
    }

    private Observed<PublicAccessBlock> collectAccountBlock() {
        Calls calls = new Calls(accountId, homeRegion, sink);
        Observed<PublicAccessBlock> settings = calls.observe("s3control", "GetPublicAccessBlock", null,
                () -> publicAccessBlock(clients.s3Control(homeRegion)
                        .getPublicAccessBlock(r -> r.accountId(accountId))
                        .publicAccessBlockConfiguration()),
                NO_PUBLIC_ACCESS_BLOCK, PublicAccessBlock.NONE);
        sink.accountPublicAccessBlock(new AccountPublicAccessBlock(accountId, settings));
        return settings;
    }

    /** GetBucketLocation answers null or "" for us-east-1 and "EU" for the oldest Irish buckets. */
    private String locate(Calls calls, S3Client home, String bucket) {
        Observed<String> location = calls.observe("s3", "GetBucketLocation", "arn:aws:s3:::" + bucket,
                () -> home.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString());
        if (!location.isKnown()) {
            return null;
        }
        String constraint = location.value();
        if (constraint == null || constraint.isEmpty()) {
            return "us-east-1";
        }
        return "EU".equals(constraint) ? "eu-west-1" : constraint;
    }

    private S3Bucket describe(Bucket listed, String region, Observed<PublicAccessBlock> accountBlock) {
        String name = listed.name();
        String arn = "arn:" + Partition.ofRegion(region) + ":s3:::" + name;
        Calls calls = new Calls(accountId, region, sink);
        S3Client s3 = clients.s3(region == null ? homeRegion : region);
        Observed<BucketEncryption> encryption = calls.observe("s3", "GetBucketEncryption", arn,
                () -> encryption(s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration().rules()),
                NO_ENCRYPTION, BucketEncryption.NONE);
        Observed<BucketVersioning> versioning = calls.observe("s3", "GetBucketVersioning", arn,
                () -> versioning(s3.getBucketVersioning(r -> r.bucket(name))));
        Map<String, String> skipped = new LinkedHashMap<>();
        Observed<PublicAccessBlock> block;
        if (accountBlock.isPresent() && accountBlock.value().allOn()) {
            // The account's four settings cover every bucket: the bucket's own cannot loosen them.
            skipped.put("GetPublicAccessBlock", "the account's Block Public Access is fully on");
            block = Observed.absent();
        } else {
            block = calls.observe("s3", "GetPublicAccessBlock", arn,
                    () -> publicAccessBlock(s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration()),
                    NO_PUBLIC_ACCESS_BLOCK, PublicAccessBlock.NONE);
        }
        Observed<String> policy = calls.observe("s3", "GetBucketPolicy", arn,
                () -> s3.getBucketPolicy(r -> r.bucket(name)).policy(), NO_POLICY, null);
        Observed<Map<String, String>> tags = calls.observe("s3", "GetBucketTagging", arn,
                () -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    s3.getBucketTagging(r -> r.bucket(name)).tagSet().forEach(t -> map.put(t.key(), t.value()));
                    return map;
                },
                NO_TAGS, Map.of());
        String aclMoot = aclMoot(accountBlock, block);
        Observed<Boolean> aclPublic;
        if (aclMoot != null) {
            skipped.put("GetBucketAcl", aclMoot);
            aclPublic = Observed.of(false);
        } else {
            aclPublic = calls.observe("s3", "GetBucketAcl", arn, () -> s3.getBucketAcl(r -> r.bucket(name)).grants().stream()
                    .anyMatch(g -> g.grantee() != null && g.grantee().uri() != null && PUBLIC_GROUPS.contains(g.grantee().uri())));
        }
        return new S3Bucket(accountId, name, region, listed.creationDate(), encryption, versioning, block, policy, tags, aclPublic, skipped);
    }

    /**
     * Why the bucket's ACL need not be read, or null: with IgnorePublicAcls on (the account's or the
     * bucket's, as read, not presumed) S3 ignores every public ACL grant, so no ACL can open the bucket.
     */
    static String aclMoot(Observed<PublicAccessBlock> account, Observed<PublicAccessBlock> bucket) {
        if (account.isPresent() && account.value().ignorePublicAcls()) {
            return "ACLs ignored by the account's Block Public Access (IgnorePublicAcls)";
        }
        if (bucket.isPresent() && bucket.value().ignorePublicAcls()) {
            return "ACLs ignored by the bucket's Block Public Access (IgnorePublicAcls)";
        }
        return null;
    }

    static BucketEncryption encryption(List<ServerSideEncryptionRule> rules) {
        for (ServerSideEncryptionRule rule : rules) {
            ServerSideEncryptionByDefault byDefault = rule.applyServerSideEncryptionByDefault();
            if (byDefault == null) {
                continue;
            }
            boolean bucketKey = Boolean.TRUE.equals(rule.bucketKeyEnabled());
            String algorithm = byDefault.sseAlgorithmAsString();
            EncryptionType type = switch (algorithm == null ? "" : algorithm) {
                case "AES256" -> EncryptionType.SSE_S3;
                case "aws:kms" -> EncryptionType.SSE_KMS;
                case "aws:kms:dsse" -> EncryptionType.DSSE_KMS;
                default -> throw SdkException.builder().message("unknown SSE algorithm '" + algorithm + "'").build();
            };
            String key = type.usesKms() ? emptyToNull(byDefault.kmsMasterKeyID()) : null;
            return new BucketEncryption(type, key, bucketKey);
        }
        return BucketEncryption.NONE;
    }

    static BucketVersioning versioning(GetBucketVersioningResponse response) {
        VersioningStatus status = response.status() == BucketVersioningStatus.ENABLED
                ? VersioningStatus.ENABLED
                : response.status() == BucketVersioningStatus.SUSPENDED ? VersioningStatus.SUSPENDED : VersioningStatus.NEVER_ENABLED;
        return new BucketVersioning(status, response.mfaDelete() == MFADeleteStatus.ENABLED);
    }

    static PublicAccessBlock publicAccessBlock(PublicAccessBlockConfiguration c) {
        if (c == null) {
            return PublicAccessBlock.NONE;
        }
        return new PublicAccessBlock(isTrue(c.blockPublicAcls()), isTrue(c.ignorePublicAcls()),
                isTrue(c.blockPublicPolicy()), isTrue(c.restrictPublicBuckets()));
    }

    static PublicAccessBlock publicAccessBlock(software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration c) {
        if (c == null) {
            return PublicAccessBlock.NONE;
        }
        return new PublicAccessBlock(isTrue(c.blockPublicAcls()), isTrue(c.ignorePublicAcls()),
                isTrue(c.blockPublicPolicy()), isTrue(c.restrictPublicBuckets()));
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
