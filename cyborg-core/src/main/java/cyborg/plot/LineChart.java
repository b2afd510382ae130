package cyborg.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A line chart with title, axis labels, grid, legend and an optional y = x reference line,
 * drawn by one routine ({@link #draw(Canvas)}) onto PNG or SVG.
 *
 * <p>Build with {@link #builder()}. Axis ranges are fixed if given, otherwise they cover the
 * data with a small margin. Series take the tab10 colours in order. NaN or infinite points
 * break a line; a point with no drawable neighbour is shown as a square marker.
 */
public final class LineChart {

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(0x222222);
    private static final Color FRAME = new Color(0x555555);
    private static final Color GRID = new Color(0xe5e5e5);
    private static final Color REFERENCE = new Color(0x999999);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Range xRange;
    private final Range yRange;
    private final List<Series> series;
    private final boolean diagonal;
    private final boolean legend;

    private LineChart(Builder b) {
        title = b.title;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        series = List.copyOf(b.series);
        diagonal = b.diagonal;
        legend = b.legend;
        xRange = b.xRange != null ? b.xRange : Range.covering(all(series, Series::xs));
        yRange = b.yRange != null ? b.yRange : Range.covering(all(series, Series::ys));
    }

    /** Starts describing a chart. */
    public static Builder builder() {
        return new Builder();
    }

    /** Renders to a PNG file of the given size, replacing it atomically. */
    public void writePng(Path path, int width, int height) throws IOException {
        PngCanvas canvas = new PngCanvas(width, height);
        draw(canvas);
        cyborg.io.AtomicFiles.write(path, canvas::writePng);
    }

    /** Renders to an SVG file of the given size, replacing it atomically. */
    public void writeSvg(Path path, int width, int height) throws IOException {
        SvgCanvas canvas = new SvgCanvas(width, height);
        draw(canvas);
        byte[] svg = canvas.toSvg().getBytes(StandardCharsets.UTF_8);
        cyborg.io.AtomicFiles.write(path, out -> out.write(svg));
    }

    /** Draws the whole chart, background included, filling the canvas. */
    public void draw(Canvas canvas) {
        // Everything scales with the canvas so small thumbnails and large figures both read well.
        double unit = Math.max(10, Math.min(canvas.width(), canvas.height()) / 45.0);
        TextStyle titleStyle = TextStyle.plain(unit * 1.3, INK).bolded();
        TextStyle labelStyle = TextStyle.plain(unit, INK);
        TextStyle tickStyle = TextStyle.plain(unit * 0.85, INK);
        double gap = unit * 0.6;
        double tickLength = unit * 0.4;

        double top = 2 * gap + (title.isEmpty() ? 0 : titleStyle.size() * 1.2);
        double bottom = 2 * gap + tickLength + tickStyle.size() * 1.3
                + (xLabel.isEmpty() ? 0 : labelStyle.size() * 1.3);
        double plotHeight = Math.max(1, canvas.height() - top - bottom);
        NiceTicks yTicks = NiceTicks.covering(yRange, tickCountFor(plotHeight));
        // The left margin depends on the y tick labels, hence y ticks before the plot width.
        double left = 2 * gap + tickLength + gap / 2 + widestLabel(yTicks, tickStyle)
                + (yLabel.isEmpty() ? 0 : labelStyle.size() * 1.3);
        double right = unit * 1.5;
        double plotWidth = Math.max(1, canvas.width() - left - right);
        NiceTicks xTicks = NiceTicks.covering(xRange, tickCountFor(plotWidth));
        PlotArea area = new PlotArea(left, top, plotWidth, plotHeight, xRange, yRange);

        canvas.fillRect(0, 0, canvas.width(), canvas.height(), BACKGROUND);
        drawGridAndTicks(canvas, area, xTicks, yTicks, tickStyle, tickLength);
        drawLabels(canvas, area, titleStyle, labelStyle, gap);
        double lineWidth = Math.max(1.5, unit / 7);
        List<Line2D> drawn = drawData(canvas, area, lineWidth);
        canvas.rect(area.left(), area.top(), area.width(), area.height(), Pen.solid(FRAME, 1));
        if (legend) {
            legendFor(lineWidth, tickStyle).drawInBestCorner(canvas, area, drawn);
        }
    }

    private static int tickCountFor(double pixels) {
        return (int) Math.max(3, Math.min(10, Math.round(pixels / 90)));
    }

    private static double widestLabel(NiceTicks ticks, TextStyle style) {
        double widest = 0;
        for (double v : ticks.values()) {
            widest = Math.max(widest, TextMetrics.width(ticks.label(v), style));
        }
        return widest;
    }

    private static void drawGridAndTicks(Canvas canvas, PlotArea area, NiceTicks xTicks,
                                         NiceTicks yTicks, TextStyle style, double tickLength) {
        Pen grid = Pen.solid(GRID, 1);
        Pen tick = Pen.solid(FRAME, 1);
        for (double v : xTicks.values()) {
            double x = area.px(v);
            canvas.line(x, area.top(), x, area.bottom(), grid);
            canvas.line(x, area.bottom(), x, area.bottom() + tickLength, tick);
            canvas.text(xTicks.label(v), x, area.bottom() + tickLength + style.size(),
                    TextAnchor.MIDDLE, style);
        }
        for (double v : yTicks.values()) {
            double y = area.py(v);
            canvas.line(area.left(), y, area.right(), y, grid);
            canvas.line(area.left() - tickLength, y, area.left(), y, tick);
            canvas.text(yTicks.label(v), area.left() - tickLength - style.size() * 0.3,
                    y + style.size() * 0.35, TextAnchor.END, style);
        }
    }

    private void drawLabels(Canvas canvas, PlotArea area, TextStyle titleStyle,
                            TextStyle labelStyle, double gap) {
        double centreX = area.left() + area.width() / 2;
        if (!title.isEmpty()) {
            canvas.text(title, centreX, gap + titleStyle.size(), TextAnchor.MIDDLE, titleStyle);
        }
        if (!xLabel.isEmpty()) {
            canvas.text(xLabel, centreX, canvas.height() - gap - labelStyle.size() * 0.25,
                    TextAnchor.MIDDLE, labelStyle);
        }
        if (!yLabel.isEmpty()) {
            canvas.text(yLabel, gap + labelStyle.size(), area.top() + area.height() / 2,
                    TextAnchor.MIDDLE, labelStyle.rotated());
        }
    }

    /** Draws the reference line and the series; returns every segment drawn, in pixels. */
    private List<Line2D> drawData(Canvas canvas, PlotArea area, double lineWidth) {
        List<Line2D> drawn = new ArrayList<>();
        // A little slack so lines lying on the frame (ROC at TPR 1) are not cut in half.
        double slack = lineWidth;
        canvas.clipped(area.left() - slack, area.top() - slack, area.width() + 2 * slack,
                area.height() + 2 * slack, () -> {
                    if (diagonal) {
                        drawDiagonal(canvas, area, drawn);
                    }
                    for (int i = 0; i < series.size(); i++) {
                        drawSeries(canvas, area, series.get(i), penFor(i, lineWidth), drawn);
                    }
                });
        return drawn;
    }

    private void drawDiagonal(Canvas canvas, PlotArea area, List<Line2D> drawn) {
        double from = Math.min(xRange.min(), yRange.min());
        double to = Math.max(xRange.max(), yRange.max());
        Line2D line = new Line2D.Double(area.px(from), area.py(from), area.px(to), area.py(to));
        canvas.line(line.getX1(), line.getY1(), line.getX2(), line.getY2(),
                new Pen(REFERENCE, 1.2, true));
        drawn.add(line);
    }

    private static void drawSeries(Canvas canvas, PlotArea area, Series s, Pen pen,
                                   List<Line2D> drawn) {
        for (Series.FiniteRun run : s.finiteRuns()) {
            double[] px = new double[run.size()];
            double[] py = new double[run.size()];
            for (int i = 0; i < run.size(); i++) {
                px[i] = area.px(run.xs()[i]);
                py[i] = area.py(run.ys()[i]);
            }
            if (run.size() == 1) {
                double side = 3 * pen.width() + 2;
                canvas.fillRect(px[0] - side / 2, py[0] - side / 2, side, side, pen.color());
                drawn.add(new Line2D.Double(px[0], py[0], px[0], py[0]));
            } else {
                canvas.polyline(px, py, pen);
                for (int i = 1; i < px.length; i++) {
                    drawn.add(new Line2D.Double(px[i - 1], py[i - 1], px[i], py[i]));
                }
            }
        }
    }

    private Pen penFor(int seriesIndex, double lineWidth) {
        return new Pen(Palette.color(seriesIndex), lineWidth, series.get(seriesIndex).dashed());
    }

    private Legend legendFor(double lineWidth, TextStyle style) {
        List<Legend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            entries.add(new Legend.Entry(series.get(i).name(), penFor(i, lineWidth)));
        }
        return new Legend(entries, style);
    }

    private static double[] all(List<Series> series,
                                Function<Series, double[]> axis) {
        return series.stream().map(axis).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Describes a {@link LineChart}; every setting is optional. */
    public static final class Builder {

        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private Range xRange;
        private Range yRange;
        private final List<Series> series = new ArrayList<>();
        private boolean diagonal;
        private boolean legend = true;

        private Builder() {
        }

        /** Text above the plot; empty for none. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** Text below the x axis; empty for none. */
        public Builder xLabel(String xLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            return this;
        }

        /** Text beside the y axis; empty for none. */
        public Builder yLabel(String yLabel) {
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
            return this;
        }

        /** Fixes the x axis to [min, max]; data outside is clipped. */
        public Builder xRange(double min, double max) {
            this.xRange = new Range(min, max);
            return this;
        }

        /** Fixes the y axis to [min, max]; data outside is clipped. */
        public Builder yRange(double min, double max) {
            this.yRange = new Range(min, max);
            return this;
        }

        /** Adds a solid line. */
        public Builder series(String name, double[] xs, double[] ys) {
            return series(new Series(name, xs, ys, false));
        }

        /** Adds a line, solid or dashed. */
        public Builder series(Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        /** Whether to draw the dashed y = x reference line (chance level on a ROC plot). */
        public Builder diagonal(boolean diagonal) {
            this.diagonal = diagonal;
            return this;
        }

        /** Whether to draw the legend; on by default. */
        public Builder legend(boolean legend) {
            this.legend = legend;
            return this;
        }

        /** The chart; later builder changes do not affect it. */
        public LineChart build() {
            return new LineChart(this);
        }
    }
}
