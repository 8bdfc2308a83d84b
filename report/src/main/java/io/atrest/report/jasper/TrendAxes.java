package io.atrest.report.jasper;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Trend charts that read in the first days as well as after a year: the value axis fits the data
 * (a two-point change is visible, a line at 100% clears the frame), the time axis steps by whole
 * days and pads a single day so its scans stand in the middle, every scan is a marker (one scan
 * draws a point, not nothing), and each series' latest value is printed beside its last marker.
 */
public final class TrendAxes implements JRChartCustomizer {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof XYPlot plot) || plot.getDataset() == null) {
            return;
        }
        XYDataset data = plot.getDataset();
        double[] values = valueRange(data);
        long[] times = timeRange(data);
        if (plot.getRangeAxis() instanceof NumberAxis axis && values != null) {
            double pad = Math.max(2.0, (values[1] - values[0]) * 0.15);
            axis.setAutoRange(false);
            // Scores and shares end at 100; a little headroom keeps a line at 100% clear of the frame.
            axis.setRange(Math.max(0, values[0] - pad), Math.min(values[1] + pad, Math.max(values[1], 100) + 1.5));
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (plot.getDomainAxis() instanceof DateAxis axis && times != null) {
            axis.setTimeZone(UTC);
            axis.setStandardTickUnits(dayUnits());
            long span = times[1] - times[0];
            long pad = span < 2 * DAY ? DAY : Math.max(6 * HOUR, span / 40);
            // More room on the right: the latest values are printed there.
            axis.setRange(new java.util.Date(times[0] - pad), new java.util.Date(times[1] + Math.max(pad, span / 12)));
        }
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer renderer) {
            renderer.setDefaultShapesVisible(true);
            renderer.setDefaultShapesFilled(true);
            int points = 1;
            for (int series = 0; series < data.getSeriesCount(); series++) {
                points = Math.max(points, data.getItemCount(series));
            }
            // Markers shrink as scans crowd, so ninety nights stay a line and one night stays a visible dot.
            double radius = Math.max(1.2, Math.min(3.5, 420.0 / points / 2.5));
            for (int series = 0; series < data.getSeriesCount(); series++) {
                renderer.setSeriesShape(series, new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius));
                renderer.setSeriesStroke(series, series == 1 && data.getSeriesCount() == 2
                        ? new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1.0f, new float[] {6f, 4f}, 0f)
                        : new BasicStroke(2.0f));
            }
            renderer.setDefaultItemLabelGenerator(lastValueOnly());
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(new Font("DejaVu Sans", Font.BOLD, 8));
        }
    }

    private static XYItemLabelGenerator lastValueOnly() {
        return (dataset, series, item) -> item == dataset.getItemCount(series) - 1
                ? String.format(Locale.ROOT, "%.1f", dataset.getYValue(series, item)) : null;
    }

    private static TickUnits dayUnits() {
        TickUnits units = new TickUnits();
        SimpleDateFormat format = new SimpleDateFormat("MMM d", Locale.ENGLISH);
        format.setTimeZone(UTC);
        for (int days : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, format));
        }
        for (int months : new int[] {1, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, format));
        }
        return units;
    }

    private static double[] valueRange(XYDataset data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = data.getYValue(s, i);
                if (!Double.isNaN(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        return min > max ? null : new double[] {min, max};
    }

    private static long[] timeRange(XYDataset data) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                long x = (long) data.getXValue(s, i);
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return min > max ? null : new long[] {min, max};
    }
}
