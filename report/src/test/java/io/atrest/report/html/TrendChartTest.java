package io.atrest.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrest.report.html.TrendChart.Point;
import io.atrest.report.html.TrendChart.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    private static final Instant T = Instant.parse("2026-11-01T02:00:00Z");

    @Test
    void theAxisFitsTheDataSoATwoPointChangeIsVisible() {
        List<Point> points = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            points.add(new Point(T.plus(Duration.ofDays(day)), 71.0 + day * 0.2));
        }
        String svg = TrendChart.svg("c", TrendChart.WIDE, "Score", "Score 71.0 to 72.8", "", List.of(new Series("Score", points)));
        assertThat(svg).doesNotContain(">0</text>").doesNotContain(">100</text>");   // not a 0..100 axis
        assertThat(svg).contains(">72.8</text>");                                     // the latest value, at the line's end
        assertThat(svg.split("<circle", -1)).hasSize(11);                               // one marker per scan
        assertThat(svg).contains("<title id=\"c-t\">Score</title>").contains("<desc id=\"c-d\">Score 71.0 to 72.8</desc>");
        assertThat(svg.split(">Nov ", -1)).hasSize(11);                                 // ten days, ten ticks
    }

    @Test
    void aNarrowChartHasFewerDateLabels() {
        List<Point> points = new ArrayList<>();
        for (int day = 0; day < 90; day++) {
            points.add(new Point(T.plus(Duration.ofDays(day)), 70.0));
        }
        String svg = TrendChart.svg("c", TrendChart.NARROW, "Score", "flat", "", List.of(new Series("Score", points)));
        int labels = svg.split("class=\"tick\">(Nov|Dec|Jan) ", -1).length - 1;
        assertThat(labels).isBetween(2, 6);
    }

    @Test
    void textFromOutsideIsEscaped() {
        String svg = TrendChart.svg("c", TrendChart.WIDE, "<b>", "\"&", "", List.of(new Series("<script>", List.of(new Point(T, 1.0)))));
        assertThat(svg).doesNotContain("<b>").doesNotContain("<script>").contains("&lt;script&gt;").contains("&quot;&amp;");
    }
}
