package io.atrest.scanner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atrest.scanner.inventory.ErrorReason;
import io.atrest.scanner.policy.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {
    private static Finding finding(Severity severity, Outcome outcome) {
        return new Finding("c", severity, outcome, outcome == Outcome.NOT_EVALUATED ? ErrorReason.THROTTLED : null, null,
                new ResourceRef(ResourceType.AwsS3Bucket, "arn", "n", "1", "r"), null, "", Map.of());
    }

    @Test
    void weighsBySeverityAndCountsNotEvaluatedAsCoverageLossNotAPass() {
        Score score = Score.of(List.of(
                finding(Severity.CRITICAL, Outcome.PASS),     // 10 of 10
                finding(Severity.HIGH, Outcome.FAIL),         //  0 of 5
                finding(Severity.MEDIUM, Outcome.NOT_APPLICABLE),
                finding(Severity.HIGH, Outcome.NOT_EVALUATED)));
        assertThat(score.score()).isCloseTo(100.0 * 10 / 15, within(1e-9));
        assertThat(score.coverage()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void nothingEvaluatedHasNoScore() {
        Score score = Score.of(List.of(finding(Severity.HIGH, Outcome.NOT_EVALUATED)));
        assertThat(score.score()).isNull();
        assertThat(score.coverage()).isEqualTo(0.0);
    }
}
