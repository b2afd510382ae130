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
 */
public record RunMetrics(String file, DetectionMetrics metrics, SortedMap<String, Double> perSource, RocCurve roc) {}
