package io.atrest.scanner.check;

import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.BucketEncryption;
import io.atrest.scanner.inventory.BucketVersioning;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.EncryptionType;
import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KeyManager;
import io.atrest.scanner.inventory.KeyOrigin;
import io.atrest.scanner.inventory.KeyState;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.PublicAccessBlock;
import io.atrest.scanner.inventory.S3Bucket;
import io.atrest.scanner.inventory.VersioningStatus;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small inventories for check tests: one account, one region unless told otherwise. */
public final class Scene {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";
    public static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private final List<Account> accounts = new ArrayList<>(List.of(new Account(ACCOUNT, "prod", "p@example.com", "ACTIVE", List.of(), Map.of())));
    private final List<S3Bucket> buckets = new ArrayList<>();
    private final List<KmsKey> keys = new ArrayList<>();
    private final List<CollectionError> errors = new ArrayList<>();
    private final List<AccountPublicAccessBlock> accountBlocks = new ArrayList<>();
    private final List<java.util.function.Consumer<InventoryBuilder>> extras = new ArrayList<>();

    /** Adds anything else to the inventory: {@code scene.add(b -> b.volume(v))}. */
    public Scene add(java.util.function.Consumer<InventoryBuilder> extra) {
        extras.add(extra);
        return this;
    }

    public static CollectionError denied(String service, String operation, String resource) {
        return new CollectionError(ACCOUNT, REGION, service, operation, ErrorReason.ACCESS_DENIED, "AccessDenied", "denied", resource);
    }

    public static S3Bucket bucket(String name, BucketEncryption encryption, String classification) {
        return new S3Bucket(ACCOUNT, name, REGION, NOW, Observed.of(encryption),
                Observed.of(new BucketVersioning(VersioningStatus.ENABLED, false)), Observed.of(PublicAccessBlock.ALL),
                Observed.absent(), Observed.of(classification == null ? Map.of() : Map.of("DataClassification", classification)));
    }

    public static BucketEncryption sseS3() {
        return new BucketEncryption(EncryptionType.SSE_S3, null, false);
    }

    public static BucketEncryption kms(String keyRef) {
        return new BucketEncryption(EncryptionType.SSE_KMS, keyRef, true);
    }

    public static KmsKey customerKey(String keyId, KeyState state, Observed<Boolean> rotation) {
        return new KmsKey(ACCOUNT, REGION, keyId, "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId, List.of("alias/" + keyId),
                KeyManager.CUSTOMER, state, KeyOrigin.AWS_KMS, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", false, NOW,
                state.pendingDeletion() ? NOW.plusSeconds(7 * 86400) : null, null, rotation, Observed.absent(), Observed.of(Map.of()));
    }

    public static KmsKey awsManagedKey(String keyId, String alias) {
        return new KmsKey(ACCOUNT, REGION, keyId, "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId, List.of(alias),
                KeyManager.AWS, KeyState.ENABLED, KeyOrigin.AWS_KMS, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", false, NOW,
                null, null, Observed.absent(), Observed.absent(), Observed.of(Map.of()));
    }

    public Scene with(S3Bucket bucket) {
        buckets.add(bucket);
        return this;
    }

    public Scene with(KmsKey key) {
        keys.add(key);
        return this;
    }

    public Scene error(CollectionError error) {
        errors.add(error);
        return this;
    }

    public Scene accountBlock(Observed<PublicAccessBlock> settings) {
        accountBlocks.add(new AccountPublicAccessBlock(ACCOUNT, settings));
        return this;
    }

    public Scene accountTags(Map<String, String> tags) {
        accounts.set(0, new Account(ACCOUNT, "prod", "p@example.com", "ACTIVE", List.of(), tags));
        return this;
    }

    public Inventory inventory() {
        InventoryBuilder builder = new InventoryBuilder();
        accounts.forEach(builder::account);
        builder.scope(new AccountRegion(ACCOUNT, REGION));
        buckets.forEach(builder::bucket);
        accountBlocks.forEach(builder::accountPublicAccessBlock);
        keys.forEach(builder::key);
        extras.forEach(extra -> extra.accept(builder));
        errors.forEach(builder::error);
        return builder.build(NOW, new Organization("o-test", ACCOUNT));
    }

    public Evaluation evaluation() {
        return new Evaluation(inventory(), ClassificationPolicy.defaults(), NOW);
    }

    /** The single finding {@code check} gives for the resource named {@code name}. */
    public Finding finding(Check check, String name) {
        return check.evaluate(evaluation()).stream()
                .filter(f -> f.resource().name().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("two findings for " + name);
                })
                .orElseThrow(() -> new AssertionError("no finding for " + name));
    }
}
