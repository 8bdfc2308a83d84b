package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Inventory;
import io.atrest.scanner.policy.ClassificationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Inventory × policy → findings. Pure: the same inputs give the same findings. */
public final class Evaluator {
    private final CheckCatalog catalog;
    private final ClassificationPolicy policy;

    public Evaluator(CheckCatalog catalog, ClassificationPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    public List<Finding> evaluate(Inventory inventory, Instant now) {
        Evaluation evaluation = new Evaluation(inventory, policy, now);
        List<Finding> findings = new ArrayList<>();
        for (Check check : catalog.checks()) {
            findings.addAll(check.evaluate(evaluation));
        }
        return findings;
    }
}
