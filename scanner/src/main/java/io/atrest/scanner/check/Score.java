package io.atrest.scanner.check;

import io.atrest.scanner.policy.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * A score and the coverage it stands on. Score = 100 × passed weight / evaluated weight, where
 * evaluated means PASS or FAIL; coverage = evaluated / (evaluated + not evaluated), counted in
 * findings. NOT_APPLICABLE counts in neither.
 *
 * @param score null when nothing could be weighed
 * @param coverage null when no finding was applicable
 */
public record Score(Double score, Double coverage, long passedWeight, long evaluatedWeight) {

    public static Score of(Collection<Finding> findings, Map<Severity, Integer> weights) {
        long passedWeight = 0;
        long evaluatedWeight = 0;
        long evaluated = 0;
        long notEvaluated = 0;
        for (Finding finding : findings) {
            int weight = weights.getOrDefault(finding.severity(), finding.severity().defaultWeight());
            switch (finding.outcome()) {
                case PASS -> {
                    passedWeight += weight;
                    evaluatedWeight += weight;
                    evaluated++;
                }
                case FAIL -> {
                    evaluatedWeight += weight;
                    evaluated++;
                }
                case NOT_EVALUATED -> notEvaluated++;
                case NOT_APPLICABLE -> { }
            }
        }
        Double score = evaluatedWeight == 0 ? null : 100.0 * passedWeight / evaluatedWeight;
        Double coverage = evaluated + notEvaluated == 0 ? null : (double) evaluated / (evaluated + notEvaluated);
        return new Score(score, coverage, passedWeight, evaluatedWeight);
    }

    public static Score of(Collection<Finding> findings) {
        return of(findings, defaultWeights());
    }

    public static Map<Severity, Integer> defaultWeights() {
        Map<Severity, Integer> weights = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            weights.put(s, s.defaultWeight());
        }
        return weights;
    }
}
