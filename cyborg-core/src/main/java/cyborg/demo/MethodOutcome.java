package cyborg.demo;

import cyborg.eval.MetricsReport;
import cyborg.eval.RunMetrics;
import cyborg.metrics.MeanStd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** What the demo measured for one method over all seeds. */
final class MethodOutcome {
    final DemoMethod method;
    final List<SeedOutcome> seeds = new ArrayList<>();

    MethodOutcome(DemoMethod method) {
        this.method = method;
    }

    String name() {
        return method.name();
    }

    MetricsReport openSet() {
        return report(SeedOutcome::openSet);
    }

    MetricsReport reversed() {
        return report(SeedOutcome::reversed);
    }

    /** The open set restricted to authentic images and the shared-mechanism families: the headline. */
    MetricsReport shared() {
        return report(SeedOutcome::shared);
    }

    MetricsReport sharedReversed() {
        return report(SeedOutcome::sharedReversed);
    }

    /** The unseen-styles open set, or null when a seed's benchmark had none. */
    MetricsReport unseenStyles() {
        return seeds.stream().allMatch(s -> s.unseenStyles() != null) ? report(SeedOutcome::unseenStyles) : null;
    }

    private MetricsReport report(Function<SeedOutcome, RunMetrics> which) {
        return new MetricsReport(seeds.stream().map(which).toList());
    }

    MeanStd auc() {
        return openSet().summary().auc();
    }

    MeanStd aucReversed() {
        return reversed().summary().auc();
    }

    MeanStd aucShared() {
        return shared().summary().auc();
    }

    MeanStd aucSharedReversed() {
        return sharedReversed().summary().auc();
    }

    /** The lowest validation AUC over seeds: the reference's target holds in every run or not at all. */
    double valAucMin() {
        return seeds.stream().mapToDouble(SeedOutcome::valAuc).min().orElse(Double.NaN);
    }

    /** Mean and population std over seeds of a per-seed value. */
    MeanStd stat(ToDoubleFunction<SeedOutcome> value) {
        return MeanStd.of(seeds.stream().mapToDouble(value).toArray());
    }

    List<Double> perSeed(ToDoubleFunction<SeedOutcome> value) {
        return seeds.stream().map(s -> value.applyAsDouble(s)).toList();
    }

    /** Cell-wise mean over seeds of the average open-set CAM. */
    float[] averageCam() {
        return CamStats.mean(seeds.stream().map(SeedOutcome::averageCam).toList());
    }

    /** Pixel-wise mean over seeds of the average open-set input-gradient density. */
    float[] averageInputGradient() {
        return CamStats.mean(seeds.stream().map(SeedOutcome::averageInputGradient).toList());
    }
}
