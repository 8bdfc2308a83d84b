package io.atrest.scanner.stores;

import io.atrest.scanner.aws.AccountClients;
import io.atrest.scanner.collect.InventoryBuilder;

/**
 * Collects one kind of store in one account and region: every failed call is recorded in the
 * sink as a collection error, never thrown (a refused mutating call excepted).
 */
@FunctionalInterface
public interface StoreCollector {
    void collect(String accountId, String region, AccountClients clients, InventoryBuilder sink);
}
