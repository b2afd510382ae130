package cyborg.train;

import cyborg.chart.LineFigure;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws a run's training curves from its epoch records, as PNG and SVG. */
final class CurvePlot {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;

    private CurvePlot() {}

    static void write(RunFiles files, List<EpochRecord> history) throws IOException {
        double[] epochs = history.stream().mapToDouble(r -> r.epoch).toArray();
        LineFigure.Builder loss = LineFigure.builder().title("Training loss").xLabel("epoch").yLabel("loss")
                .wholeNumberX()
                .series("total", epochs, history.stream().mapToDouble(r -> r.loss).toArray());
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            for (Map.Entry<String, Double> e : history.get(i).lossParts.entrySet()) {
                double[] ys = parts.computeIfAbsent(e.getKey(), k -> filledNaN(history.size()));
                ys[i] = e.getValue();
            }
        }
        if (parts.size() > 1) {
            parts.forEach((name, ys) -> loss.series(name, epochs, ys));
        }
        write(loss.build(), files, "loss");
        LineFigure acc = LineFigure.builder().title("Accuracy and AUC").xLabel("epoch").yLabel("value")
                .wholeNumberX()
                .yRange(0, 1)
                .series("train accuracy", epochs, history.stream().mapToDouble(r -> r.trainAcc).toArray())
                .series("validation accuracy", epochs, history.stream().mapToDouble(r -> r.valAcc).toArray())
                .series("validation AUC", epochs, history.stream().mapToDouble(r -> r.valAuc).toArray())
                .build();
        write(acc, files, "accuracy");
    }

    private static void write(LineFigure chart, RunFiles files, String which) throws IOException {
        boolean isLoss = which.equals("loss");
        chart.writePng(isLoss ? files.lossCurves("png") : files.accuracyCurves("png"), WIDTH, HEIGHT);
        chart.writeSvg(isLoss ? files.lossCurves("svg") : files.accuracyCurves("svg"), WIDTH, HEIGHT);
    }

    private static double[] filledNaN(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
