package io.atrest.scanner.sink;

import io.atrest.scanner.collect.InventoryBuilder;
import io.atrest.scanner.inventory.Account;
import io.atrest.scanner.inventory.Inventory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slices kept in memory: for a scan whose whole inventory is wanted afterwards
 * ({@code --save-inventory}), and for an inventory read whole from a file (the demo,
 * {@code --from-inventory}), which {@link #of} cuts into slices.
 */
public final class InMemorySink extends InventorySink {
    private final Map<String, Inventory> slices = new ConcurrentHashMap<>();

    /** A whole inventory cut into its accounts' slices, as a scan would have handed them over. */
    public static InMemorySink of(Inventory whole) {
        InMemorySink sink = new InMemorySink();
        InventoryBuilder builder = InventoryBuilder.of(whole);
        for (Account account : whole.accounts()) {
            sink.add(account.id(), builder.drain(account.id(), whole.collectedAt(), whole.organization()));
        }
        sink.finish(builder.build(whole.collectedAt(), whole.organization()));
        return sink;
    }

    @Override
    protected void keep(String accountId, Inventory slice) {
        slices.put(accountId, slice);
    }

    @Override
    protected Inventory read(String accountId) {
        return slices.get(accountId);
    }

    /** The whole inventory, every slice with what belongs to no account, as one document (lists sorted). */
    public Inventory whole() {
        Inventory organizationLevel = organizationLevel();
        InventoryBuilder builder = InventoryBuilder.of(organizationLevel);
        slices.values().forEach(builder::addResources);
        return builder.build(organizationLevel.collectedAt(), organizationLevel.organization());
    }

    @Override
    public void close() {
        slices.clear();
    }
}
