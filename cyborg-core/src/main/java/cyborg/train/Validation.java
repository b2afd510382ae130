package cyborg.train;

import ai.djl.ndarray.NDManager;
import cyborg.data.BatchLoader;
import cyborg.data.Sample;
import cyborg.metrics.RocCurve;
import cyborg.model.Inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Accuracy and AUC of a network on a validation set, on the inference path. */
final class Validation {
    private Validation() {}

    /** Accuracy (argmax of the logits) and ROC AUC of the Synthetic score. */
    record Result(double accuracy, double auc) {}

    static Result run(Inference inference, BatchLoader batches, List<Sample> samples, int batchSize,
            NDManager manager) {
        double[] scores = new double[samples.size()];
        int[] labels = new int[samples.size()];
        int[] counts = new int[2]; // images scored (a skipped unreadable image shrinks its batch), correct
        try {
            inference.run(batches.plainBatches(samples, batchSize), manager, o -> {
                long[] truth = o.batch().labels();
                counts[1] += Trainer.countCorrect(o.predicted(), truth);
                float[] synthetic = o.scores();
                for (int i = 0; i < synthetic.length; i++) {
                    scores[counts[0]] = synthetic[i];
                    labels[counts[0]++] = (int) truth[i];
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int k = counts[0];
        return new Result((double) counts[1] / k, new RocCurve(Arrays.copyOf(scores, k), Arrays.copyOf(labels, k)).auc());
    }
}
