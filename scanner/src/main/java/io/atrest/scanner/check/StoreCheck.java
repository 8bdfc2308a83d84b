package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import java.util.ArrayList;
import java.util.List;

/** A check judged once per data store of one kind, knowing the store's classification. */
public abstract class StoreCheck<T extends DataStore> implements Check {

    /** The stores this check judges. */
    protected abstract List<T> stores(Inventory inventory);

    /** Judges one store; {@code classification} is unknown when the store's tags could not be read. */
    protected abstract Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation);

    @Override
    public final List<Finding> evaluate(Evaluation evaluation) {
        List<T> stores = stores(evaluation.inventory());
        List<Finding> findings = new ArrayList<>(stores.size());
        for (T store : stores) {
            Evaluation.StoreFacts facts = evaluation.facts(store);
            findings.add(Findings.of(info(), facts.ref(), facts.level(), judge(store, facts.classification(), evaluation)));
        }
        return findings;
    }
}
