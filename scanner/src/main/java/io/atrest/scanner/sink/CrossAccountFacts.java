package io.atrest.scanner.sink;

import io.atrest.scanner.inventory.AccountRegion;
import io.atrest.scanner.inventory.CollectionError;
import io.atrest.scanner.inventory.EventRule;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.KmsKey;
import io.atrest.scanner.inventory.MetricAlarm;
import io.atrest.scanner.inventory.MetricFilter;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.inventory.StoreStub;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What evaluating any account needs to know about the others, gathered as each account's slice
 * arrives: accounts, keys (without their policies), scanned regions, errors, monitoring that can
 * serve other accounts, and a {@link StoreStub} per store. A few facts per resource, not every
 * policy and setting the scan read.
 */
final class CrossAccountFacts {
    private final Queue<KmsKey> keys = new ConcurrentLinkedQueue<>();
    private final Queue<AccountRegion> scope = new ConcurrentLinkedQueue<>();
    private final Queue<CollectionError> errors = new ConcurrentLinkedQueue<>();
    private final Queue<MetricFilter> metricFilters = new ConcurrentLinkedQueue<>();
    private final Queue<MetricAlarm> metricAlarms = new ConcurrentLinkedQueue<>();
    private final Queue<EventRule> eventRules = new ConcurrentLinkedQueue<>();
    private final Queue<StoreStub> stores = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resources = new AtomicInteger();

    void add(Inventory slice) {
        slice.keys().forEach(k -> keys.add(withoutPolicy(k)));
        scope.addAll(slice.scope());
        errors.addAll(slice.errors());
        metricFilters.addAll(slice.metricFilters());
        metricAlarms.addAll(slice.metricAlarms());
        eventRules.addAll(slice.eventRules());
        slice.dataStores().forEach(s -> stores.add(StoreStub.of(s)));
        resources.addAndGet(slice.resourceCount());
    }

    /** The lookups every account's evaluation shares: these facts with what belongs to no account. */
    Inventory lookups(Inventory organizationLevel) {
        Inventory r = organizationLevel;
        List<CollectionError> allErrors = new ArrayList<>(r.errors());
        allErrors.addAll(errors);
        return new Inventory(Inventory.SCHEMA_VERSION, r.collectedAt(), r.organization(), r.accounts(),
                sorted(scope, ar -> ar.accountId() + "/" + ar.region()), List.of(), List.of(),
                sorted(keys, KmsKey::arn), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.copyOf(metricFilters), List.copyOf(metricAlarms),
                List.copyOf(eventRules), List.of(), List.of(), r.serviceControlPolicies(), allErrors);
    }

    List<StoreStub> stores() {
        return sorted(stores, StoreStub::arn);
    }

    int resourceCount() {
        return resources.get();
    }

    private static KmsKey withoutPolicy(KmsKey k) {
        // Other accounts resolve and count a key; only its own account's checks read its policy.
        return new KmsKey(k.accountId(), k.region(), k.keyId(), k.arn(), k.aliases(), k.manager(), k.state(), k.origin(),
                k.keySpec(), k.keyUsage(), k.multiRegion(), k.createdAt(), k.deletionDate(), k.validTo(), k.rotationEnabled(),
                Observed.absent(), k.tags());
    }

    private static <T> List<T> sorted(Queue<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
