package io.atrest.sql;

import io.atrest.scanner.policy.Severity;
import java.util.Map;

/** Severity weights for scores computed in SQL. */
public record Weights(int critical, int high, int medium, int low, int info) {

    public static Weights defaults() {
        return of(io.atrest.scanner.check.Score.defaultWeights());
    }

    public static Weights of(Map<Severity, Integer> weights) {
        return new Weights(weights.get(Severity.CRITICAL), weights.get(Severity.HIGH), weights.get(Severity.MEDIUM),
                weights.get(Severity.LOW), weights.get(Severity.INFO));
    }
}
