package io.atrest.report.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.management.ManagementReport.AccountRow;
import io.atrest.report.management.ManagementReport.LevelRow;
import io.atrest.report.management.ManagementReport.TrendRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beside each chart the change is said in words, and the tables say (and keep) their order. */
class TrendTextTest {
    private static final Instant T = Instant.parse("2026-11-01T02:00:00Z");

    @Test
    void aSmallChangeIsStatedWithItsSpan() {
        List<TrendRow> rows = List.of(new TrendRow(T, 71.0, 95.0), new TrendRow(T.plus(Duration.ofDays(7)), 72.5, 96.0),
                new TrendRow(T.plus(Duration.ofDays(14)), 73.0, 97.0));
        assertThat(TrendText.score(rows, Duration.ofDays(30)))
                .isEqualTo("Score 71.0 on Nov 1, 73.0 now: +2.0 points over 14 days (3 scans). Coverage 95% to 97%.");
    }

    @Test
    void theFirstDaysSayWhatThereIs() {
        assertThat(TrendText.score(List.of(), Duration.ofDays(30))).isEqualTo("No stored scan in the window has a score yet.");
        assertThat(TrendText.score(List.of(new TrendRow(T, 71.0, 95.0)), Duration.ofDays(30))).startsWith("One scan so far (Nov 1): score 71.0");
        assertThat(TrendText.score(List.of(new TrendRow(T, 71.0, 95.0), new TrendRow(T.plus(Duration.ofHours(3)), 70.0, 95.0)),
                Duration.ofDays(30))).isEqualTo("2 scans on Nov 1: score 71.0 to 70.0 (\u22121.0 points). Coverage 95% to 95%.");
    }

    @Test
    void levelsSayTheirFirstAndLastShare() {
        List<LevelRow> rows = new ArrayList<>(List.of(new LevelRow(T, "restricted", 50.0), new LevelRow(T, "public", 100.0),
                new LevelRow(T.plus(Duration.ofDays(3)), "restricted", 75.0), new LevelRow(T.plus(Duration.ofDays(3)), "public", 100.0)));
        assertThat(TrendText.levels(rows)).isEqualTo("On the demanded key type: restricted 50% to 75% (+25.0 pts); public 100% throughout.");
    }

    @Test
    void accountsComeWorstFirstByScore() {
        List<AccountRow> rows = new ArrayList<>(List.of(
                row("a", 80.0, 5, 0), row("b", 40.0, 0, 0), row("c", null, 0, 0), row("d", 40.0, 1, 0), row("e", 95.0, 0, 9)));
        rows.sort(ManagementReportQuery.WORST_FIRST);
        // No score first (nobody knows how it stands), then lowest score; a tie goes to the one with more critical findings.
        assertThat(rows).extracting(AccountRow::name).containsExactly("c", "d", "b", "a", "e");
    }

    private static AccountRow row(String name, Double score, long critical, long high) {
        return new AccountRow("1111111111" + name.charAt(0), name, "", "", "", score, null, "", critical, high, "", "COMPLETE", "");
    }
}
