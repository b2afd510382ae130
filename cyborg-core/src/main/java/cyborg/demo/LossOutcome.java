package cyborg.demo;

import cyborg.eval.MetricsReport;
import cyborg.eval.RunMetrics;

import java.util.ArrayList;
import java.util.List;

/** What the demo measured for one loss over all seeds. */
final class LossOutcome {
    final String name;
    final String spec;
    final List<RunMetrics> runs = new ArrayList<>();
    final List<Double> camMse = new ArrayList<>();
    final List<Double> camEntropy = new ArrayList<>();
    /** Average normalised CAM over the open-set test, averaged over seeds. */
    float[] averageCam;

    LossOutcome(String name, String spec) {
        this.name = name;
        this.spec = spec;
    }

    MetricsReport report() {
        return new MetricsReport(runs);
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
