package cyborg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Batch;
import cyborg.data.BatchLoader;
import cyborg.data.Sample;
import cyborg.metrics.RocCurve;
import cyborg.model.CamNetwork;

import java.util.Iterator;
import java.util.List;

/** Accuracy and AUC of a network on a validation set, in inference mode. */
final class Validation {
    private Validation() {}

    /** Accuracy (argmax of the logits) and ROC AUC of the Synthetic score. */
    record Result(double accuracy, double auc) {}

    static Result run(CamNetwork net, BatchLoader batches, List<Sample> samples, int batchSize, int size,
            NDManager manager) {
        net.module().setTraining(false);
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] scores = new double[samples.size()];
        int[] labels = new int[samples.size()];
        int correct = 0;
        int k = 0; // images actually scored (a skipped unreadable image shrinks its batch)
        Iterator<Batch> it = batches.plainBatches(samples, order, batchSize);
        while (it.hasNext()) {
            Batch b = it.next();
            try (NDManager bm = manager.newSubManager()) {
                NDArray logits = net.forward(bm.create(b.images(), new Shape(b.size(), 3, size, size))).logits();
                correct += Trainer.countCorrect(logits.argMax(1).toLongArray(), b.labels());
                float[] synthetic = Scores.synthetic(logits);
                for (int i = 0; i < b.size(); i++) {
                    scores[k] = synthetic[i];
                    labels[k++] = (int) b.labels()[i];
                }
            }
        }
        return new Result((double) correct / k, new RocCurve(java.util.Arrays.copyOf(scores, k),
                java.util.Arrays.copyOf(labels, k)).auc());
    }
}
