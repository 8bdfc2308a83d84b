package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.StoreEncryption;
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
    private final Map<String, List<DataStore>> storesByKeyArn = new HashMap<>();

    public Evaluation(Inventory inventory, ClassificationPolicy policy, Instant now) {
        this.inventory = inventory;
        this.policy = policy;
        this.now = now;
        this.keyIndex = KeyIndex.of(inventory);
        this.accounts = inventory.accounts().stream().collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a));
        this.accountBlocks = inventory.accountPublicAccessBlocks().stream()
                .collect(Collectors.toMap(AccountPublicAccessBlock::accountId, Function.identity(), (a, b) -> a));
        for (DataStore store : inventory.dataStores()) {
            KeyResolution resolution = storeKey(store);
            if (resolution != null && resolution.key() != null) {
                storesByKeyArn.computeIfAbsent(resolution.key().arn(), k -> new ArrayList<>()).add(store);
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

    /** The store's classification; unknown when its tags could not be read. */
    public Observed<Classification> classification(DataStore store) {
        Map<String, String> accountTags = account(store.accountId()).map(Account::tags).orElse(Map.of());
        List<String> ouPath = account(store.accountId()).map(Account::ouPath).orElse(List.of());
        Observed<Map<String, String>> tags = store.storeTags();
        if (!tags.isKnown()) {
            return Observed.failed(tags.error());
        }
        return Observed.of(policy.classify(tags.value() == null ? Map.of() : tags.value(), accountTags, ouPath));
    }

    /**
     * The key protecting a store, resolved to its tier. Null when the store's encryption could
     * not be read (the caller reports that gap itself).
     */
    public KeyResolution storeKey(DataStore store) {
        Observed<StoreEncryption> encryption = store.storeEncryption();
        if (!encryption.isPresent()) {
            return null;
        }
        StoreEncryption e = encryption.value();
        return switch (e.kind()) {
            case NONE -> KeyResolution.tier(KeyTier.NONE);
            case PROVIDER_OWNED -> KeyResolution.tier(KeyTier.PROVIDER_OWNED);
            case KMS -> keyIndex.resolve(e.effectiveKeyRef(), store.accountId(), store.region());
        };
    }

    /** Resolves any key reference seen in {@code accountId} / {@code region}. */
    public KeyResolution resolveKey(String keyRef, String accountId, String region) {
        return keyIndex.resolve(keyRef, accountId, region);
    }

    /** The live stores that a key protects, as far as this inventory knows: the key graph's edges. */
    public List<DataStore> storesProtectedBy(KmsKey key) {
        return storesByKeyArn.getOrDefault(key.arn(), List.of());
    }
}
