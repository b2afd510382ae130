package cyborg.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Bars of one or more {@link Histogram}s over the same bins (side by side within a bin), in the look
 * of {@link LineFigure}, written as PNG or SVG. Callers pass counted histograms only; the drawing is
 * JFreeChart's and stays in this package.
 */
public final class HistogramFigure {

    record Bars(String name, Histogram histogram) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Bars> bars;

    private HistogramFigure(Builder b) {
        title = b.title;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        bars = List.copyOf(b.bars);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders to a PNG of the given size in pixels, replacing the file atomically. */
    public void writePng(Path path, int width, int height) throws IOException {
        ChartFiles.writePng(chart(), path, width, height);
    }

    /** Renders to a standalone SVG file of the given size in pixels, replacing it atomically. */
    public void writeSvg(Path path, int width, int height) throws IOException {
        ChartFiles.writeSvg(chart(), path, width, height, "hist");
    }

    /**
     * The figure as one {@code <svg>} element, for inlining in HTML. Its internal ids (clip paths)
     * start with {@code idPrefix}, which must differ between figures of one page.
     */
    public String svgElement(int width, int height, String idPrefix) {
        return ChartFiles.svgElement(chart(), width, height, idPrefix);
    }

    private JFreeChart chart() {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (Bars b : bars) {
            XYIntervalSeries series = new XYIntervalSeries(b.name());
            Histogram h = b.histogram();
            int[] counts = h.counts();
            for (int i = 0; i < counts.length; i++) {
                double lo = h.edge(i);
                double hi = h.edge(i + 1);
                series.add((lo + hi) / 2, lo, hi, counts[i], counts[i], counts[i]);
            }
            data.addSeries(series);
        }
        Histogram first = bars.get(0).histogram();
        // counts are whole numbers: the count axis ticks at integers, never at 2.5 images
        XYPlot plot = new XYPlot(data, LineChartStyle.axis(xLabel, new double[] {first.min(), first.max()}, false),
                LineChartStyle.axis(yLabel, null, true), renderer());
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return LineChartStyle.styled(title, plot);
    }

    private ClusteredXYBarRenderer renderer() {
        ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer(0.1, false);
        renderer.setBarPainter(new StandardXYBarPainter()); // flat bars, no gradient or shadow
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < bars.size(); i++) {
            renderer.setSeriesPaint(i, Tab10.color(i));
        }
        return renderer;
    }

    /** Describes a {@link HistogramFigure}; at least one histogram, all over the same bins. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "";
        private String yLabel = "count";
        private final List<Bars> bars = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        public Builder xLabel(String xLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            return this;
        }

        /** Text beside the count axis ("count" unless told). */
        public Builder yLabel(String yLabel) {
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
            return this;
        }

        /** Adds a histogram named in the legend, the next colour of the palette. */
        public Builder series(String name, Histogram histogram) {
            Objects.requireNonNull(name, "name");
            if (!bars.isEmpty()) {
                Histogram h = bars.get(0).histogram();
                if (h.min() != histogram.min() || h.max() != histogram.max() || h.bins() != histogram.bins()) {
                    throw new IllegalArgumentException("series " + name + ": its bins differ from those of "
                            + bars.get(0).name() + " (" + histogram + " against " + h + ")");
                }
            }
            bars.add(new Bars(name, histogram));
            return this;
        }

        public HistogramFigure build() {
            if (bars.isEmpty()) {
                throw new IllegalArgumentException("a histogram figure needs at least one series");
            }
            return new HistogramFigure(this);
        }
    }
}
