package cyborg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void combinesRocAndPadMetricsOfSmallCase() {
        // Real {0.1, 0.35, 0.4, 0.8}, Synthetic {0.2, 0.4, 0.65, 0.7, 0.9}.
        // Normalised ((s - 0.1) / 0.8): Real {0, 0.3125, 0.375, 0.875},
        // Synthetic {0.125, 0.375, 0.6875, 0.75, 1}. Minimal ACER is on (0.375, 0.6875]:
        // APCER 2/5, BPCER 1/4, ACER 0.325, first grid point 0.4.
        DetectionMetrics m = DetectionMetrics.of(
                new double[] {0.1, 0.9, 0.35, 0.4, 0.2, 0.8, 0.65, 0.4, 0.7},
                new int[] {0, 1, 0, 0, 1, 0, 1, 1, 1});
        assertEquals(0.675, m.auc(), EPS);
        assertEquals(0.4, m.apcer(), EPS);
        assertEquals(0.25, m.bpcer(), EPS);
        assertEquals(0.325, m.acer(), EPS);
        assertEquals(0.4, m.acerThreshold(), EPS);
        assertEquals(4, m.nReal());
        assertEquals(5, m.nSynthetic());
        // Every default target is below the first false positive (FPR 0.25): TPR 1/5.
        assertEquals(Map.of(0.001, 0.2, 0.002, 0.2, 0.01, 0.2, 0.05, 0.2), m.tdrAtFdr());
    }

    @Test
    void reportsTdrAtEachDefaultTarget() {
        // 1000 Real scored 0..999; Synthetic placed so each target FDR admits a different TPR.
        double[] synthetic = {1500, 1400, 998.5, 997.5, 995, 990.5, 960, 900, 500, 10};
        double[] scores = new double[1000 + synthetic.length];
        int[] labels = new int[scores.length];
        for (int i = 0; i < 1000; i++) {
            scores[i] = i;
        }
        for (int k = 0; k < synthetic.length; k++) {
            scores[1000 + k] = synthetic[k];
            labels[1000 + k] = 1;
        }
        DetectionMetrics m = DetectionMetrics.of(scores, labels);
        // FDR 0.001 allows Real 999 above: 1500, 1400, 998.5 caught -> 0.3.
        // FDR 0.002 allows 998, 999: adds 997.5 -> 0.4.
        // FDR 0.01 allows 990..999: adds 995 (tied with Real 995) and 990.5 -> 0.6.
        // FDR 0.05 allows 950..999: adds 960 -> 0.7; 900 needs FDR 0.1.
        assertEquals(List.of(0.001, 0.002, 0.01, 0.05), List.copyOf(m.tdrAtFdr().keySet()));
        assertEquals(0.3, m.tdrAtFdr().get(0.001), EPS);
        assertEquals(0.4, m.tdrAtFdr().get(0.002), EPS);
        assertEquals(0.6, m.tdrAtFdr().get(0.01), EPS);
        assertEquals(0.7, m.tdrAtFdr().get(0.05), EPS);
    }

    @Test
    void tdrMapIsSortedByTargetAndUnmodifiable() {
        Map<Double, Double> unsorted = new HashMap<>(Map.of(0.5, 0.9, 0.01, 0.1, 0.1, 0.4));
        DetectionMetrics m = new DetectionMetrics(0.8, unsorted, 0, 0, 0, 0, 1, 1);
        assertEquals(List.of(0.01, 0.1, 0.5), List.copyOf(m.tdrAtFdr().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.tdrAtFdr().put(0.2, 0.0));
    }

    @Test
    void customTargetsReplaceDefaults() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {0.1, 0.2, 0.8, 0.9},
                new int[] {0, 1, 0, 1}, List.of(0.5));
        // Descending 0.9 S, 0.8 R, 0.2 S: at FPR 0.5 both Synthetic are caught.
        assertEquals(Map.of(0.5, 1.0), m.tdrAtFdr());
    }
}
