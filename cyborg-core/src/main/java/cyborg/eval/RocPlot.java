package cyborg.eval;

import cyborg.chart.LineFigure;
import cyborg.metrics.RocCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Draws one or more ROC curves (e.g. one per run or per model) in the usual detection format. */
public final class RocPlot {

    /** Width of written plots in pixels. */
    public static final int WIDTH = 640;

    /** Height of written plots in pixels. */
    public static final int HEIGHT = 600;

    private RocPlot() {
    }

    /**
     * A chart of the curves, in the map's iteration order: false detection rate against true
     * detection rate on [0, 1] axes with the chance diagonal, each legend entry carrying its AUC
     * (e.g. {@code run-1 (AUC 0.742)}).
     *
     * @throws IllegalArgumentException if there are no curves
     */
    public static LineFigure chart(Map<String, RocCurve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no ROC curves to plot");
        }
        LineFigure.Builder chart = LineFigure.builder()
                .title("ROC")
                .xLabel("False detection rate")
                .yLabel("True detection rate")
                .xRange(0, 1)
                .yRange(0, 1)
                .diagonal();
        curves.forEach((name, roc) -> chart.series(legendLabel(name, roc), roc.fpr(), roc.tpr()));
        return chart.build();
    }

    /**
     * Writes {@link #chart} as PNG and SVG of {@link #WIDTH} x {@link #HEIGHT} pixels. Either
     * path may be null to skip that format.
     */
    public static void write(Path pngPath, Path svgPath, Map<String, RocCurve> curves)
            throws IOException {
        LineFigure chart = chart(curves);
        if (pngPath != null) {
            chart.writePng(pngPath, WIDTH, HEIGHT);
        }
        if (svgPath != null) {
            chart.writeSvg(svgPath, WIDTH, HEIGHT);
        }
    }

    static String legendLabel(String name, RocCurve roc) {
        return String.format(Locale.ROOT, "%s (AUC %.3f)", name, roc.auc());
    }
}
