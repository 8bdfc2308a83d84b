package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreEncryption;
import io.atrest.scanner.keys.KeyIndex;
import io.atrest.scanner.keys.KeyResolution;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.ClassificationPolicy;
import io.atrest.scanner.policy.KeyTier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check may need to know about other accounts than the one it judges: every account
 * (tags and OU, for classification), every key (a store may use a key of another account),
 * which stores each key protects, wherever they are, and the calls that could not be made.
 * Built once per scan and shared by the evaluation of each account; immutable after that.
 */
public final class OrganizationContext {
    private final ClassificationPolicy policy;
    private final KeyIndex keyIndex;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, CollectionError> entryFailures = new HashMap<>();
    private final Map<String, List<DataStore>> storesByKeyArn = new HashMap<>();
    private final Map<DataStore, Observed<Classification>> classifications = new IdentityHashMap<>();

    private OrganizationContext(Inventory lookups, List<? extends DataStore> stores, ClassificationPolicy policy) {
        this.policy = policy;
        this.keyIndex = KeyIndex.of(lookups);
        for (Account account : lookups.accounts()) {
            accounts.putIfAbsent(account.id(), account);
        }
        for (CollectionError e : lookups.errors()) {
            if (e.accountId() != null && "sts".equals(e.service()) && "AssumeRole".equals(e.operation())) {
                entryFailures.putIfAbsent(e.accountId(), e);
            }
        }
        for (DataStore store : stores) {
            classifications.put(store, classify(store));
            KeyResolution resolution = keyOf(store);
            if (resolution != null && resolution.key() != null) {
                storesByKeyArn.computeIfAbsent(resolution.key().arn(), k -> new ArrayList<>()).add(store);
            }
        }
    }

    /** The context of a whole inventory: the one a single evaluation of everything uses. */
    public static OrganizationContext of(Inventory inventory, ClassificationPolicy policy) {
        return new OrganizationContext(inventory, inventory.dataStores(), policy);
    }

    /**
     * The context of an organization whose accounts are evaluated one at a time.
     *
     * @param lookups every account, key, scanned account-region and collection error of the scan
     * @param stores every store of the scan, as far as key usage and classification go (a
     *               {@link io.atrest.scanner.inventory.StoreStub} is enough)
     */
    public static OrganizationContext of(Inventory lookups, List<? extends DataStore> stores, ClassificationPolicy policy) {
        return new OrganizationContext(lookups, stores, policy);
    }

    ClassificationPolicy policy() {
        return policy;
    }

    Account account(String accountId) {
        return accounts.get(accountId);
    }

    CollectionError entryFailure(String accountId) {
        return entryFailures.get(accountId);
    }

    List<DataStore> storesProtectedBy(String keyArn) {
        return storesByKeyArn.getOrDefault(keyArn, List.of());
    }

    KeyResolution resolveKey(String keyRef, String accountId, String region) {
        return keyIndex.resolve(keyRef, accountId, region);
    }

    /** The classification of a store of this context, computed once; null for a store it does not hold. */
    Observed<Classification> knownClassification(DataStore store) {
        return classifications.get(store);
    }

    /** A store's classification from its tags, its account's tags and OU path; unknown when its tags could not be read. */
    Observed<Classification> classify(DataStore store) {
        Account account = accounts.get(store.accountId());
        Observed<Map<String, String>> tags = store.storeTags();
        if (!tags.isKnown()) {
            return Observed.failed(tags.error());
        }
        return Observed.of(policy.classify(tags.value() == null ? Map.of() : tags.value(),
                account == null ? Map.of() : account.tags(), account == null ? List.of() : account.ouPath()));
    }

    /** The key protecting a store, resolved to its tier; null when its encryption could not be read. */
    KeyResolution keyOf(DataStore store) {
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
}
