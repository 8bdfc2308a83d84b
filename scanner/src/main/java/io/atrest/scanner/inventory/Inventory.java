package io.atrest.scanner.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Everything one scan saw, and what it could not see. An immutable document: checks read it,
 * never AWS, and it can be saved and evaluated again later against another policy.
 *
 * @param scope the accounts and regions the scan covered
 */
public record Inventory(
        int schemaVersion,
        Instant collectedAt,
        Organization organization,
        List<Account> accounts,
        List<AccountRegion> scope,
        List<S3Bucket> buckets,
        List<AccountPublicAccessBlock> accountPublicAccessBlocks,
        List<KmsKey> keys,
        List<CollectionError> errors) {

    /** The inventory document format this program writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public Inventory {
        accounts = List.copyOf(accounts);
        scope = List.copyOf(scope);
        buckets = List.copyOf(buckets);
        accountPublicAccessBlocks = List.copyOf(accountPublicAccessBlocks);
        keys = List.copyOf(keys);
        errors = List.copyOf(errors);
    }

    public int resourceCount() {
        return buckets.size() + keys.size();
    }
}
