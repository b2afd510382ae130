package cyborg.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns a {@link LineFigure} into a JFreeChart in a plain, paper-like look: white ground, light
 * solid grid, tab10 colours, legend below the plot (so it never hides a curve), ticks formatted
 * the same in every locale.
 */
final class LineChartStyle {

    private static final Color INK = new Color(0x222222);
    private static final Color FRAME = new Color(0x555555);
    private static final Color GRID = new Color(0xe5e5e5);
    private static final Color REFERENCE = new Color(0x999999);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final float LINE_WIDTH = 1.8f;

    static {
        // JFreeChart draws rotated text (the y axis label) as glyph outlines unless told the
        // JDK's rotated drawString works, as it has for years; outlines would leave the SVG
        // without the label as searchable, selectable text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private LineChartStyle() {
    }

    static JFreeChart chart(LineFigure figure) {
        XYPlot plot = new XYPlot(dataset(figure), axis(figure.xLabel, figure.xRange, figure.wholeNumberX),
                axis(figure.yLabel, figure.yRange, false), renderer(figure));
        if (figure.diagonal) {
            plot.addAnnotation(diagonal(figure));
        }
        return styled(figure.title, plot);
    }

    /** The chart of {@code plot} in this look: frame, grid, title, legend below. Shared by every figure. */
    static JFreeChart styled(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(FRAME);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(INK);
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LEGEND_FONT);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYSeriesCollection dataset(LineFigure figure) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (LineFigure.Line line : figure.lines) {
            // Unsorted and with duplicates allowed: a ROC curve goes up at a fixed x.
            XYSeries series = new XYSeries(line.name(), false, true);
            for (int i = 0; i < line.xs().length; i++) {
                double x = line.xs()[i];
                double y = line.ys()[i];
                // NaN breaks the line; an infinity would wreck the automatic axis range.
                series.add(x, Double.isFinite(x) && Double.isFinite(y) ? y : Double.NaN, false);
            }
            data.addSeries(series);
        }
        return data;
    }

    static NumberAxis axis(String label, double[] range, boolean wholeNumbers) {
        NumberAxis axis = new RoundTickAxis(label, wholeNumbers);
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(FRAME);
        axis.setAutoRangeIncludesZero(false);
        if (range != null) {
            axis.setRange(range[0], range[1]);
        }
        return axis;
    }

    private static IsolatedPointRenderer renderer(LineFigure figure) {
        IsolatedPointRenderer renderer = new IsolatedPointRenderer();
        for (int i = 0; i < figure.lines.size(); i++) {
            renderer.setSeriesPaint(i, Tab10.color(i));
            renderer.setSeriesStroke(i, new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return renderer;
    }

    private static XYLineAnnotation diagonal(LineFigure figure) {
        double from = Math.min(lowest(figure.xRange, 0), lowest(figure.yRange, 0));
        double to = Math.max(highest(figure.xRange, 1), highest(figure.yRange, 1));
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f);
        return new XYLineAnnotation(from, from, to, to, dashed, REFERENCE);
    }

    private static double lowest(double[] range, double otherwise) {
        return range == null ? otherwise : range[0];
    }

    private static double highest(double[] range, double otherwise) {
        return range == null ? otherwise : range[1];
    }
}
