package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import java.util.List;

/** A check judged once per data store of one kind, knowing the store's classification. */
public abstract class StoreCheck<T extends DataStore> implements Check {

    /** The stores this check judges. */
    protected abstract List<T> stores(Inventory inventory);

    /** Judges one store; {@code classification} is unknown when the store's tags could not be read. */
    protected abstract Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        return stores(evaluation.inventory()).stream()
                .map(store -> {
                    Observed<Classification> classification = evaluation.classification(store);
                    String level = classification.isPresent() ? classification.value().level().name() : null;
                    return Findings.of(info(), refOf(store), level, judge(store, classification, evaluation));
                })
                .toList();
    }

    static ResourceRef refOf(DataStore store) {
        return new ResourceRef(ResourceType.valueOf(store.resourceType()), store.arn(), store.displayName(),
                store.accountId(), store.region());
    }
}
