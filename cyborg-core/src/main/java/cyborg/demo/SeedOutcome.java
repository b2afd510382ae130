package cyborg.demo;

import cyborg.eval.RunMetrics;
import cyborg.explain.ShortcutReliance;

import java.util.Map;

/**
 * What one trained model measured.
 *
 * @param seed its training seed
 * @param openSet metrics on the open set with the shortcut uncorrelated
 * @param reversed metrics on the open set with the shortcut reversed
 * @param reliance score change when only the shortcut mark is added
 * @param camMse CAM-to-human-map MSE on validation
 * @param camEntropy mean CAM entropy on the open set
 * @param massAccuracy mean relevance mass accuracy of the CAM against the human maps (open set)
 * @param pointingGame mean pointing-game hit rate of the CAM (open set)
 * @param camSize the CAM's {rows, columns}
 * @param averageCam cell-wise mean CAM over the open set
 * @param averageInputGradient pixel-wise mean over the open set of each image's input-gradient
 *     density (what {@code rrr} penalises), each image's map scaled to unit sum; input size squared
 * @param exampleCams CAMs of a few open-set images, by image key
 */
record SeedOutcome(long seed, RunMetrics openSet, RunMetrics reversed, ShortcutReliance reliance, double camMse,
        double camEntropy, double massAccuracy, double pointingGame, int[] camSize, float[] averageCam,
        float[] averageInputGradient, Map<String, float[]> exampleCams) {}
