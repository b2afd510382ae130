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
 * @param withoutMap training images without a usable human map (the loss's map-free terms only)
 * @param mapSummary how many training images had a usable map and what the others trained with,
 *     one line; empty when the run used no maps
 */
public record TrainResult(Path runDir, int bestEpoch, double bestValAcc, double bestValAuc, int trainImages,
        int withoutMap, String mapSummary) {}
