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
 * @param shared metrics on the open set restricted to the authentic images and the families whose
 *     mechanism training shows (the headline)
 * @param sharedReversed the same restriction with the shortcut reversed
 * @param unseenStyles metrics on {@code split-styles.csv} with the same restriction (authentic
 *     faces of the styles training never shows against the shared-mechanism families rendered in
 *     them), or null for a benchmark without that file
 * @param valAuc validation AUC of the kept model (the epoch the run selected), on the validation
 *     rows of the split the method trains on, as the trainer measured it
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
record SeedOutcome(long seed, RunMetrics openSet, RunMetrics reversed, RunMetrics shared, RunMetrics sharedReversed,
        RunMetrics unseenStyles, double valAuc, ShortcutReliance reliance, double camMse,
        double camEntropy, double massAccuracy, double pointingGame, int[] camSize, float[] averageCam,
        float[] averageInputGradient, Map<String, float[]> exampleCams) {}
