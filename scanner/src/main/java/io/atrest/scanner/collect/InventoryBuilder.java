package io.atrest.scanner.collect;

import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.AccountPublicAccessBlock;
import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.Organization;
import io.atrest.scanner.inventory.S3Bucket;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Gathers what collectors find, from many threads at once, into one {@link Inventory}. The
 * inventory's lists come out sorted, so the same organization gives the same document.
 */
public final class InventoryBuilder {
    private final Queue<Account> accounts = new ConcurrentLinkedQueue<>();
    private final Queue<AccountRegion> scope = new ConcurrentLinkedQueue<>();
    private final Queue<S3Bucket> buckets = new ConcurrentLinkedQueue<>();
    private final Queue<AccountPublicAccessBlock> accountBlocks = new ConcurrentLinkedQueue<>();
    private final Queue<KmsKey> keys = new ConcurrentLinkedQueue<>();
    private final Queue<CollectionError> errors = new ConcurrentLinkedQueue<>();

    public void account(Account account) {
        accounts.add(account);
    }

    public void scope(AccountRegion accountRegion) {
        scope.add(accountRegion);
    }

    public void bucket(S3Bucket bucket) {
        buckets.add(bucket);
    }

    public void accountPublicAccessBlock(AccountPublicAccessBlock block) {
        accountBlocks.add(block);
    }

    public void key(KmsKey key) {
        keys.add(key);
    }

    public void error(CollectionError error) {
        errors.add(error);
    }

    public Inventory build(Instant collectedAt, Organization organization) {
        return new Inventory(
                Inventory.SCHEMA_VERSION,
                collectedAt,
                organization,
                sorted(accounts, Comparator.comparing(Account::id)),
                sorted(scope, Comparator.comparing(AccountRegion::accountId).thenComparing(AccountRegion::region)),
                sorted(buckets, Comparator.comparing(S3Bucket::accountId).thenComparing(S3Bucket::name)),
                sorted(accountBlocks, Comparator.comparing(AccountPublicAccessBlock::accountId)),
                sorted(keys, Comparator.comparing(KmsKey::arn)),
                sorted(errors, Comparator.comparing((CollectionError e) -> String.valueOf(e.accountId()))
                        .thenComparing(e -> String.valueOf(e.region()))
                        .thenComparing(CollectionError::service)
                        .thenComparing(CollectionError::operation)
                        .thenComparing(e -> String.valueOf(e.resource()))));
    }

    private static <T> List<T> sorted(Queue<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }
}
