package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.iam.PolicyDocument;
import io.atrest.scanner.iam.PolicyParseException;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every check may consult: the inventory whose resources it judges (a whole scan, or one
 * account of it), the policy, and the {@link OrganizationContext} that answers for the rest of
 * the organization (key resolution, the stores each key protects, other accounts). Immutable;
 * built once per evaluation.
 *
 * The clock ({@code now}) is fixed for the whole evaluation, so days-left figures agree.
 */
public final class Evaluation {
    private final Inventory inventory;
    private final OrganizationContext context;
    private final ClassificationPolicy policy;
    private final Instant now;
    private final Map<String, AccountPublicAccessBlock> accountBlocks;
    // Each store's reference and classification, computed when the evaluation is built and only read after, so
    // sharing an evaluation between threads is safe. Keyed by the store object itself: a store builds its ARN anew
    // on each call, so keying by ARN hashed a new string at every lookup.
    private final Map<DataStore, StoreFacts> storeFacts = new java.util.IdentityHashMap<>();
    private final Map<KmsKey, ResourceRef> keyRefs = new java.util.IdentityHashMap<>();
    // Bucket and key policies parsed once, by the text the inventory holds: several checks read each policy.
    private final Map<String, Object> policies = new java.util.IdentityHashMap<>();
    // Derived facts that some checks ask for, computed once per evaluation on first use; thread-safe maps.
    private final Map<String, Optional<CollectionError>> storeGaps = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, io.atrest.scanner.policy.Level> highestLevels = new java.util.concurrent.ConcurrentHashMap<>();
    private final AccessFacts access;

    /** Evaluates a whole inventory: it is its own context. */
    public Evaluation(Inventory inventory, ClassificationPolicy policy, Instant now) {
        this(inventory, OrganizationContext.of(inventory, policy), now);
    }

    /**
     * Evaluates the resources of {@code inventory} (one account's, say), looking keys, key usage
     * and other accounts up in {@code context}, which covers the whole scan.
     */
    public Evaluation(Inventory inventory, OrganizationContext context, Instant now) {
        this.inventory = inventory;
        this.context = context;
        this.policy = context.policy();
        this.now = now;
        this.access = new AccessFacts(inventory);
        this.accountBlocks = inventory.accountPublicAccessBlocks().stream()
                .collect(Collectors.toMap(AccountPublicAccessBlock::accountId, Function.identity(), (a, b) -> a));
        for (KmsKey key : inventory.keys()) {
            keyRefs.put(key, refOf(key));
            parseOnce(key.policy().value());
        }
        for (io.atrest.scanner.inventory.S3Bucket bucket : inventory.buckets()) {
            parseOnce(bucket.policy().value());
        }
        for (DataStore store : inventory.dataStores()) {
            storeFacts.put(store, factsOf(store));
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
        return Optional.ofNullable(context.account(accountId));
    }

    public Optional<AccountPublicAccessBlock> accountPublicAccessBlock(String accountId) {
        return Optional.ofNullable(accountBlocks.get(accountId));
    }

    /** The store's classification; unknown when its tags could not be read. */
    public Observed<Classification> classification(DataStore store) {
        return facts(store).classification();
    }

    /** What every finding on a store repeats: its reference and its classification level (null when unknown). */
    record StoreFacts(ResourceRef ref, Observed<Classification> classification, String level) {}

    StoreFacts facts(DataStore store) {
        StoreFacts facts = storeFacts.get(store);
        return facts != null ? facts : factsOf(store); // a store of another account (key usage), or from outside
    }

    /**
     * A policy document of this inventory (a bucket's or a key's), parsed once for all the checks
     * that read it; another text is parsed on the spot.
     *
     * @throws PolicyParseException when the text is not a policy document
     */
    public PolicyDocument policyDocument(String json) {
        Object parsed = policies.get(json);
        if (parsed instanceof PolicyDocument document) {
            return document;
        }
        if (parsed instanceof PolicyParseException error) {
            throw new PolicyParseException(error.getMessage(), error); // a new one, so the caller's stack shows
        }
        return PolicyDocument.parse(json);
    }

    private void parseOnce(String json) {
        if (json != null && !policies.containsKey(json)) {
            try {
                policies.put(json, PolicyDocument.parse(json));
            } catch (PolicyParseException e) {
                policies.put(json, e);
            }
        }
    }

    /** The reference every finding on a key carries. */
    ResourceRef ref(KmsKey key) {
        ResourceRef ref = keyRefs.get(key);
        return ref != null ? ref : refOf(key);
    }

    private static ResourceRef refOf(KmsKey key) {
        return new ResourceRef(ResourceType.AwsKmsKey, key.arn(), key.displayName(), key.accountId(), key.region());
    }

    private StoreFacts factsOf(DataStore store) {
        Observed<Classification> known = context.knownClassification(store);
        Observed<Classification> classification = known != null ? known : context.classify(store);
        ResourceRef ref = new ResourceRef(ResourceType.valueOf(store.resourceType()), store.arn(), store.displayName(),
                store.accountId(), store.region());
        return new StoreFacts(ref, classification, classification.isPresent() ? classification.value().level().name() : null);
    }

    /**
     * The key protecting a store, resolved to its tier. Null when the store's encryption could
     * not be read (the caller reports that gap itself).
     */
    public KeyResolution storeKey(DataStore store) {
        return context.keyOf(store);
    }

    /** Resolves any key reference seen in {@code accountId} / {@code region}. */
    public KeyResolution resolveKey(String keyRef, String accountId, String region) {
        return context.resolveKey(keyRef, accountId, region);
    }

    /** The EBS defaults collected for an account and region. */
    public Optional<io.atrest.scanner.inventory.EbsDefaults> ebsDefaults(String accountId, String region) {
        return inventory.ebsDefaults().stream()
                .filter(d -> d.accountId().equals(accountId) && d.region().equals(region))
                .findFirst();
    }

    /**
     * The most sensitive level of data an account holds: its stores' known levels, and its own
     * classification tag; the policy's untagged level when it holds nothing classified.
     */
    public io.atrest.scanner.policy.Level highestAccountLevel(String accountId) {
        return highestLevels.computeIfAbsent(accountId, this::highestLevelOf);
    }

    private io.atrest.scanner.policy.Level highestLevelOf(String accountId) {
        Map<String, String> accountTags = account(accountId).map(Account::tags).orElse(Map.of());
        io.atrest.scanner.policy.Level highest = policy.classify(Map.of(), accountTags, account(accountId).map(Account::ouPath).orElse(List.of())).level();
        for (DataStore store : inventory.dataStores()) {
            if (store.accountId().equals(accountId)) {
                Observed<Classification> c = classification(store);
                if (c.isPresent() && policy.rank(c.value().level()) > policy.rank(highest)) {
                    highest = c.value().level();
                }
            }
        }
        return highest;
    }


    /** The failure that kept the scan out of an account (AssumeRole refused), if any. */
    public Optional<CollectionError> entryFailure(String accountId) {
        return Optional.ofNullable(context.entryFailure(accountId));
    }

    /** The first failed call of {@code service}:{@code operation} in an account and region (null region: any). */
    public Optional<CollectionError> failure(String accountId, String region, String service, String operation) {
        return inventory.errors().stream()
                .filter(e -> accountId.equals(e.accountId()) && service.equals(e.service())
                        && (operation == null || operation.equals(e.operation()) || "(all)".equals(e.operation()))
                        && (region == null || region.equals(e.region())))
                .findFirst();
    }

    /** The classification levels of the stores a key protects, as far as they are known. */
    public java.util.Set<io.atrest.scanner.policy.Level> levelsProtectedBy(KmsKey key) {
        java.util.Set<io.atrest.scanner.policy.Level> levels = new java.util.LinkedHashSet<>();
        for (DataStore store : storesProtectedBy(key)) {
            Observed<Classification> c = classification(store);
            if (c.isPresent()) {
                levels.add(c.value().level());
            }
        }
        return levels;
    }

    /** The most sensitive level among the stores a key protects, if any is known. */
    public Optional<io.atrest.scanner.policy.Level> highestLevelProtectedBy(KmsKey key) {
        return levelsProtectedBy(key).stream().max(java.util.Comparator.comparingInt(policy::rank));
    }

    /** The list calls that find stores: when one failed, stores (and their keys' uses) may be missing. */
    /**
     * A gap in what the scan saw of the stores in an account and region, which could hide a use
     * of a key there: a failed store listing, or a store whose encryption could not be read.
     */
    public Optional<CollectionError> storeGap(String accountId, String region) {
        return storeGaps.computeIfAbsent(accountId + "\u0000" + region, k -> findStoreGap(accountId, region));
    }

    private Optional<CollectionError> findStoreGap(String accountId, String region) {
        Optional<CollectionError> listing = inventory.errors().stream()
                .filter(e -> accountId.equals(e.accountId()))
                .filter(e -> e.region() == null || e.region().equals(region) || "ListBuckets".equals(e.operation()))
                .filter(io.atrest.scanner.stores.StoreListings::hidesStores)
                .findFirst();
        if (listing.isPresent()) {
            return listing;
        }
        return inventory.dataStores().stream()
                .filter(s -> accountId.equals(s.accountId()) && region.equals(s.region()))
                .map(DataStore::storeEncryption)
                .filter(e -> !e.isKnown())
                .map(Observed::error)
                .findFirst();
    }

    /** The live stores that a key protects, as far as this inventory knows: the key graph's edges. */
    public List<DataStore> storesProtectedBy(KmsKey key) {
        return context.storesProtectedBy(key.arn());
    }

    /**
     * Who can decrypt, administer and delete a customer key: its key policy joined with its
     * account's identity policies, boundaries, grants and SCPs, worked out once per evaluation.
     * Empty when the key policy is unread or does not parse.
     */
    public Optional<io.atrest.scanner.access.KeyAccess> keyAccess(KmsKey key) {
        return access.keyAccess(key, this);
    }

    /** The account's identity policies indexed; empty when they could not be read. */
    public Optional<io.atrest.scanner.access.IdentityIndex> identities(String accountId) {
        return access.identities(accountId);
    }

    /** Why an account's identity policies are missing. */
    public CollectionError identitiesGap(String accountId) {
        return access.identitiesGap(accountId, this);
    }
}
