package io.atrest.sql;

/**
 * Every score's formula as SQL, over {@code run_aggregate}-shaped rows "a" and bound weights
 * ":w.critical" and so on: 100 x passed weight / evaluated weight, and coverage. Trends, scores
 * and the close of a clustered run compute them alike.
 */
public final class ScoreFormula {
    private ScoreFormula() {}

    public static final String WEIGHT = """
            (CASE a.severity WHEN 'CRITICAL' THEN :w.critical WHEN 'HIGH' THEN :w.high WHEN 'MEDIUM' THEN :w.medium
                             WHEN 'LOW' THEN :w.low ELSE :w.info END)""";

    /** Every score's formula, 100 x passed weight / evaluated weight, and coverage, over run_aggregate rows "a". */
    public static final String SCORE_AND_COVERAGE = " CASE WHEN SUM((a.passed + a.failed) * " + WEIGHT + ") = 0 THEN NULL"
            + "      ELSE 100.0 * CAST(SUM(a.passed * " + WEIGHT + ") AS DOUBLE PRECISION)"
            + "           / CAST(SUM((a.passed + a.failed) * " + WEIGHT + ") AS DOUBLE PRECISION) END AS score,"
            // In floating point: summed BIGINT counts are NUMERIC in H2, and NUMERIC division keeps few decimals.
            + " CASE WHEN SUM(a.passed + a.failed + a.not_evaluated) = 0 THEN NULL"
            + "      ELSE CAST(SUM(a.passed + a.failed) AS DOUBLE PRECISION)"
            + "           / CAST(SUM(a.passed + a.failed + a.not_evaluated) AS DOUBLE PRECISION) END AS coverage,";
}
