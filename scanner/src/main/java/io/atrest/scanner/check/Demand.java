package io.atrest.scanner.check;

import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Level;
import java.util.function.Predicate;

/**
 * Whether a store's classification level demands what a check judges: the level when it does,
 * else the verdict to give instead (NOT_EVALUATED when the classification is unknown,
 * NOT_APPLICABLE when the level does not demand it).
 */
public record Demand(Level level, Verdict skip) {

    public static Demand of(Observed<Classification> classification, Predicate<Level> demands, String what) {
        if (!classification.isKnown()) {
            return new Demand(null, Verdict.notEvaluated(classification.error()));
        }
        Level level = classification.value().level();
        if (!demands.test(level)) {
            return new Demand(level, Verdict.notApplicable("level " + level.name() + " does not demand " + what)
                    .with("level", level.name()));
        }
        return new Demand(level, null);
    }
}
