package io.atrest.scanner.inventory;

import java.util.Map;

/**
 * What other accounts' evaluations need of a store: where it is, its tags (its classification)
 * and its encryption (the key it uses). Kept for every store of a scan while the full records
 * wait on disk, account by account.
 */
public record StoreStub(
        String resourceType,
        String arn,
        String displayName,
        String accountId,
        String region,
        Observed<Map<String, String>> storeTags,
        Observed<StoreEncryption> storeEncryption) implements DataStore {

    public static StoreStub of(DataStore store) {
        return new StoreStub(store.resourceType(), store.arn(), store.displayName(), store.accountId(), store.region(),
                store.storeTags(), store.storeEncryption());
    }
}
