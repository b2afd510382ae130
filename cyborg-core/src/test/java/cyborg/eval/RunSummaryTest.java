package cyborg.eval;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.MeanStd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final double EPS = 1e-12;
    // Population std of {x - d, x, x + d} is d * sqrt(2/3).
    private static final double SPREAD_OF_0_1 = 0.1 * Math.sqrt(2.0 / 3);

    private static final List<DetectionMetrics> THREE_RUNS = List.of(
            new DetectionMetrics(0.7, Map.of(0.01, 0.2, 0.05, 0.4), 0.1, 0.3, 0.2, 0.5, 10, 20),
            new DetectionMetrics(0.8, Map.of(0.01, 0.3, 0.05, 0.5, 0.1, 0.9), 0.2, 0.2, 0.2, 0.4,
                    10, 20),
            new DetectionMetrics(0.9, Map.of(0.01, 0.4, 0.05, 0.6), 0.3, 0.1, 0.2, 0.6, 10, 20));

    @Test
    void summarisesEveryScalarFieldOverThreeRuns() {
        RunSummary s = RunSummary.of(THREE_RUNS);
        assertMeanStd(0.8, SPREAD_OF_0_1, s.auc());
        assertMeanStd(0.2, SPREAD_OF_0_1, s.apcer());
        assertMeanStd(0.2, SPREAD_OF_0_1, s.bpcer());
        assertMeanStd(0.2, 0, s.acer());
        assertMeanStd(0.5, SPREAD_OF_0_1, s.acerThreshold());
        assertMeanStd(10, 0, s.nReal());
        assertMeanStd(20, 0, s.nSynthetic());
        assertEquals(3, s.auc().n());
        assertTrue(s.sourceAuc().isEmpty());
    }

    @Test
    void summarisesOnlyTdrTargetsPresentInEveryRun() {
        RunSummary s = RunSummary.of(THREE_RUNS);
        assertEquals(List.of(0.01, 0.05), List.copyOf(s.tdrAtFdr().keySet()));
        assertMeanStd(0.3, SPREAD_OF_0_1, s.tdrAtFdr().get(0.01));
        assertMeanStd(0.5, SPREAD_OF_0_1, s.tdrAtFdr().get(0.05));
    }

    @Test
    void summarisesOnlySourcesPresentInEveryRun() {
        RunSummary s = RunSummary.of(THREE_RUNS, List.of(
                Map.of("progan", 0.5, "ffhq", 0.6),
                Map.of("progan", 0.7, "ffhq", 0.8, "stylegan", 1.0),
                Map.of("progan", 0.9, "ffhq", 1.0)));
        assertEquals(List.of("ffhq", "progan"), List.copyOf(s.sourceAuc().keySet()));
        assertMeanStd(0.8, 2 * SPREAD_OF_0_1, s.sourceAuc().get("ffhq"));
        assertMeanStd(0.7, 2 * SPREAD_OF_0_1, s.sourceAuc().get("progan"));
    }

    @Test
    void rejectsNoRunsAndMismatchedSourceLists() {
        assertThrows(IllegalArgumentException.class, () -> RunSummary.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> RunSummary.of(THREE_RUNS, List.of(Map.of("ffhq", 0.5))));
    }

    private static void assertMeanStd(double mean, double std, MeanStd actual) {
        assertEquals(mean, actual.mean(), EPS, "mean");
        assertEquals(std, actual.std(), EPS, "std");
    }
}
