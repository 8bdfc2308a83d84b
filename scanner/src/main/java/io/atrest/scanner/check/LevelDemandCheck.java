package io.atrest.scanner.check;

import io.atrest.scanner.inventory.DataStore;
import io.atrest.scanner.inventory.Observed;
import io.atrest.scanner.policy.Classification;
import io.atrest.scanner.policy.Level;
import java.util.function.Predicate;

/**
 * "The store's level demands a setting, and the store has it": NOT_EVALUATED when the
 * classification is unknown, NOT_APPLICABLE when the level does not demand it ({@link Demand}),
 * else {@link #judge(DataStore, Level, Evaluation)} on the setting.
 */
public abstract class LevelDemandCheck<T extends DataStore> extends StoreCheck<T> {
    private final Predicate<Level> demands;
    private final String demanded;

    /**
     * @param demands whether a level demands the setting ({@code Level::requireVersioning})
     * @param demanded what the NOT_APPLICABLE message says is not demanded ("versioning")
     */
    protected LevelDemandCheck(Predicate<Level> demands, String demanded) {
        this.demands = demands;
        this.demanded = demanded;
    }

    /** Judges the setting of a store whose level demands it. */
    protected abstract Verdict judge(T store, Level level, Evaluation evaluation);

    @Override
    protected final Verdict judge(T store, Observed<Classification> classification, Evaluation evaluation) {
        Demand demand = Demand.of(classification, demands, demanded);
        return demand.skip() != null ? demand.skip() : judge(store, demand.level(), evaluation);
    }
}
