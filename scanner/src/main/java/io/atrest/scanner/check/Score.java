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
        Tally tally = new Tally(weights);
        tally.add(findings);
        return tally.score();
    }

    /** A score added up over several batches of findings (account by account), without holding them all. */
    public static final class Tally {
        private final Map<Severity, Integer> weights;
        private long passedWeight;
        private long evaluatedWeight;
        private long evaluated;
        private long notEvaluated;

        public Tally(Map<Severity, Integer> weights) {
            this.weights = weights;
        }

        public void add(Collection<Finding> findings) {
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
        }

        public Score score() {
            Double score = evaluatedWeight == 0 ? null : 100.0 * passedWeight / evaluatedWeight;
            Double coverage = evaluated + notEvaluated == 0 ? null : (double) evaluated / (evaluated + notEvaluated);
            return new Score(score, coverage, passedWeight, evaluatedWeight);
        }
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
