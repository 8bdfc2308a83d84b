package io.atrest.report.jasper;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;

/** Counts are whole numbers: ticks at 1, 2, 5, 10... never at 0.5, which a "0" label mask would print as "0, 0, 1, 1". */
public final class WholeNumberAxis implements JRChartCustomizer {
    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }
}
