package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.keys.KeyIndex;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.KeyTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every check may consult: the inventory, the policy, and the indexes derived from them
 * once (key resolution, the stores each key protects). Immutable; built once per evaluation.
 *
 * The clock ({@code now}) is fixed for the whole evaluation, so days-left figures agree.
 */
public final class Evaluation {
    private final Inventory inventory;
    private final ClassificationPolicy policy;
    private final Instant now;
    private final KeyIndex keyIndex;
    private final Map<String, Account> accounts;
    private final Map<String, AccountPublicAccessBlock> accountBlocks;
    private final Map<String, List<ProtectedStore>> storesByKeyArn = new HashMap<>();

    public Evaluation(Inventory inventory, ClassificationPolicy policy, Instant now) {
        this.inventory = inventory;
        this.policy = policy;
        this.now = now;
        this.keyIndex = KeyIndex.of(inventory);
        this.accounts = inventory.accounts().stream().collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a));
        this.accountBlocks = inventory.accountPublicAccessBlocks().stream()
                .collect(Collectors.toMap(AccountPublicAccessBlock::accountId, Function.identity(), (a, b) -> a));
        for (S3Bucket bucket : inventory.buckets()) {
            KeyResolution resolution = bucketKey(bucket);
            if (resolution != null && resolution.key() != null) {
                storesByKeyArn.computeIfAbsent(resolution.key().arn(), k -> new ArrayList<>())
                        .add(new ProtectedStore(ResourceType.AwsS3Bucket, bucket.arn(), bucket.name(), bucket.accountId(), bucket.region()));
            }
        }
    }

    public Inventory inventory() {
        return inventory;
    }

    public ClassificationPolicy policy() {
        return policy;
    }

    public Instant now() {
        return now;
    }

    public Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    public Optional<AccountPublicAccessBlock> accountPublicAccessBlock(String accountId) {
        return Optional.ofNullable(accountBlocks.get(accountId));
    }

    /** The bucket's classification; unknown when its tags could not be read. */
    public Observed<Classification> classification(S3Bucket bucket) {
        Map<String, String> accountTags = account(bucket.accountId()).map(Account::tags).orElse(Map.of());
        if (!bucket.tags().isKnown()) {
            return Observed.failed(bucket.tags().error());
        }
        Map<String, String> tags = bucket.tags().value() == null ? Map.of() : bucket.tags().value();
        return Observed.of(policy.classify(tags, accountTags));
    }

    /**
     * The key protecting a bucket's default encryption, resolved. Null when the bucket's
     * encryption could not be read (the caller reports that gap itself).
     */
    public KeyResolution bucketKey(S3Bucket bucket) {
        if (!bucket.encryption().isPresent()) {
            return null;
        }
        var encryption = bucket.encryption().value();
        return switch (encryption.type()) {
            case NONE -> KeyResolution.tier(KeyTier.NONE);
            case SSE_S3 -> KeyResolution.tier(KeyTier.PROVIDER_OWNED);
            case SSE_KMS, DSSE_KMS -> keyIndex.resolve(
                    encryption.kmsKeyRef() == null ? "alias/aws/s3" : encryption.kmsKeyRef(),
                    bucket.accountId(), bucket.region());
        };
    }

    /** The live stores that a key protects, as far as this inventory knows. */
    public List<ProtectedStore> storesProtectedBy(KmsKey key) {
        return storesByKeyArn.getOrDefault(key.arn(), List.of());
    }

    /** A store that a key protects: one edge of the key graph. */
    public record ProtectedStore(ResourceType type, String arn, String name, String accountId, String region) {}
}
