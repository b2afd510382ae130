package cyborg.train;

import java.nio.file.Path;

/**
 * The outcome of a training run.
 *
 * @param runDir where the model and logs are
 * @param bestEpoch 1-based epoch of the kept model
 * @param bestValAcc its validation accuracy
 * @param bestValAuc its validation AUC
 * @param trainImages training images used
 * @param withoutMap training images that had no human map (classification term only)
 */
public record TrainResult(Path runDir, int bestEpoch, double bestValAcc, double bestValAuc, int trainImages,
        int withoutMap) {}
