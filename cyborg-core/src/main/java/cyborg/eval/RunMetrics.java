package cyborg.eval;

import cyborg.metrics.DetectionMetrics;
import cyborg.metrics.RocCurve;

import java.util.SortedMap;

/**
 * The metrics of one score file.
 *
 * @param file the score file
 * @param metrics overall detection metrics
 * @param perSource AUC per authentic source and per generator
 * @param roc the ROC curve, for plots
 * @param leftOut how many images of the evaluated split the file does not score (only with a subset)
 */
public record RunMetrics(String file, DetectionMetrics metrics, SortedMap<String, Double> perSource, RocCurve roc,
        int leftOut) {}
