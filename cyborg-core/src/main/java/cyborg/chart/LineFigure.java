package cyborg.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A line chart of plain series of numbers (title, axis labels, legend, optional y = x chance
 * line), written as PNG or SVG. The drawing is JFreeChart's (see {@link LineChartStyle}); this
 * class is the one place that knows it, so callers pass only arrays of doubles.
 *
 * <p>NaN or infinite points break a line; a point with no drawable neighbour gets a marker.
 */
public final class LineFigure {

    /** One named line; points are paired by index. */
    record Line(String name, double[] xs, double[] ys) {
    }

    final String title;
    final String xLabel;
    final String yLabel;
    final double[] xRange;
    final double[] yRange;
    final boolean diagonal;
    final boolean wholeNumberX;
    final List<Line> lines;

    private LineFigure(Builder b) {
        title = b.title;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        xRange = b.xRange;
        yRange = b.yRange;
        diagonal = b.diagonal;
        wholeNumberX = b.wholeNumberX;
        lines = List.copyOf(b.lines);
    }

    /** Starts describing a figure. */
    public static Builder builder() {
        return new Builder();
    }

    /** Renders to a PNG of the given size in pixels, replacing the file atomically. */
    public void writePng(Path path, int width, int height) throws IOException {
        ChartFiles.writePng(chart(), path, width, height);
    }

    /** Renders to a standalone SVG file of the given size in pixels, replacing it atomically. */
    public void writeSvg(Path path, int width, int height) throws IOException {
        ChartFiles.writeSvg(chart(), path, width, height, "fig");
    }

    /**
     * The figure as one {@code <svg>} element, for inlining in HTML. Its internal ids (clip paths)
     * start with {@code idPrefix}, which must differ between figures of one page.
     */
    public String svgElement(int width, int height, String idPrefix) {
        return ChartFiles.svgElement(chart(), width, height, idPrefix);
    }

    private JFreeChart chart() {
        return LineChartStyle.chart(this);
    }

    /** Describes a {@link LineFigure}; every setting is optional. */
    public static final class Builder {

        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private double[] xRange;
        private double[] yRange;
        private boolean diagonal;
        private boolean wholeNumberX;
        private final List<Line> lines = new ArrayList<>();

        private Builder() {
        }

        /** Text above the plot; empty for none. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** Text below the x axis. */
        public Builder xLabel(String xLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            return this;
        }

        /** Text beside the y axis. */
        public Builder yLabel(String yLabel) {
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
            return this;
        }

        /** Fixes the x axis to [min, max]; otherwise it covers the data with a margin. */
        public Builder xRange(double min, double max) {
            this.xRange = range(min, max);
            return this;
        }

        /** Fixes the y axis to [min, max]; otherwise it covers the data with a margin. */
        public Builder yRange(double min, double max) {
            this.yRange = range(min, max);
            return this;
        }

        /** Ticks the x axis at whole numbers only (epochs), never at 2.5. */
        public Builder wholeNumberX() {
            this.wholeNumberX = true;
            return this;
        }

        /** Draws the dashed y = x reference line (chance level on a ROC plot) across the fixed ranges, [0, 1] if none. */
        public Builder diagonal() {
            this.diagonal = true;
            return this;
        }

        /** Adds a line named in the legend, the next colour of the palette. */
        public Builder series(String name, double[] xs, double[] ys) {
            Objects.requireNonNull(name, "name");
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values but "
                        + ys.length + " y values");
            }
            lines.add(new Line(name, xs.clone(), ys.clone()));
            return this;
        }

        /** The figure; later builder changes do not affect it. */
        public LineFigure build() {
            return new LineFigure(this);
        }

        private static double[] range(double min, double max) {
            if (!(min < max)) {
                throw new IllegalArgumentException("empty axis range [" + min + ", " + max + "]");
            }
            return new double[] {min, max};
        }
    }
}
