package cyborg.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import cyborg.loss.CompositeLoss;
import cyborg.loss.LossContext;
import cyborg.loss.LossSpec;
import cyborg.loss.LossStep;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.CamOutput;
import cyborg.model.CamTarget;
import cyborg.model.EngineThreads;
import cyborg.nn.BatchNormFolding;
import cyborg.nn.FlopCount;
import cyborg.nn.Tensor;
import cyborg.train.Sgd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures training and scoring throughput of an architecture on random inputs (so decoding does
 * not count): a training step is forward, loss (CYBORG by default, any specification otherwise),
 * backward as the trainer runs it ({@link LossStep}: double backpropagation for {@code rrr}) and
 * an SGD update at batch {@code batch}; scoring is an inference forward pass of the network as
 * a loaded model runs it (batch norms folded). Warm-up steps are not timed.
 */
public final class SpeedBench {
    /**
     * Images per second for training and for scoring, and the forward pass's matrix-multiply
     * operations per image ({@link FlopCount}).
     */
    public record Result(Architecture arch, int size, int batch, double trainImagesPerSecond,
            double scoreImagesPerSecond, long forwardFlopsPerImage) {
        /**
         * Training GFLOP/s, counting a step as three forward passes (the backward pass computes
         * gradients for both the inputs and the weights of every layer, each as costly as the forward).
         */
        public double trainGflops() {
            return 3.0 * forwardFlopsPerImage * trainImagesPerSecond / 1e9;
        }

        /** Scoring GFLOP/s. */
        public double scoreGflops() {
            return (double) forwardFlopsPerImage * scoreImagesPerSecond / 1e9;
        }
    }

    private SpeedBench() {}

    public static Result run(Architecture arch, int size, int batch, int warmup, int steps) {
        return run(arch, size, batch, warmup, steps, "cyborg");
    }

    /** As {@link #run(Architecture, int, int, int, int)} with the training loss {@code lossSpec}. */
    public static Result run(Architecture arch, int size, int batch, int warmup, int steps, String lossSpec) {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = arch.create(m, 1);
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : net.module().namedTensors().entrySet()) {
                if (e.getValue().trainable()) {
                    params.put(e.getKey(), e.getValue().array());
                }
            }
            Sgd sgd = new Sgd(params, m, 0.9, 1e-6);
            CompositeLoss loss = LossSpec.parse(lossSpec, 0.5);
            net.module().setTraining(true);
            long t0 = 0;
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                }
                trainStep(net, sgd, params, loss, m, size, batch);
            }
            double train = (double) steps * batch / ((System.nanoTime() - t0) / 1e9);
            // scored as cyborg score runs a loaded model: batch norms folded into the convolutions
            EngineThreads.inferenceOnThisThread();
            BatchNormFolding.fold(net.module(), arch.camLayer());
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                }
                try (NDManager bm = m.newSubManager()) {
                    net.forward(bm.randomNormal(new Shape(batch, 3, size, size))).logits().toFloatArray();
                }
            }
            double score = (double) steps * batch / ((System.nanoTime() - t0) / 1e9);
            long flops;
            try (NDManager bm = m.newSubManager()) {
                NDArray one = bm.randomNormal(new Shape(1, 3, size, size));
                flops = FlopCount.of(() -> net.forward(one));
            }
            return new Result(arch, size, batch, train, score, flops);
        }
    }

    private static void trainStep(CamNetwork net, Sgd sgd, Map<String, NDArray> params, CompositeLoss loss,
            NDManager m, int size, int batch) {
        try (NDManager bm = m.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray x = bm.randomNormal(new Shape(batch, 3, size, size));
            LossStep step = LossStep.begin(gc, loss, x);
            CamOutput out = net.forward(x);
            long[] f = out.features().getShape().getShape();
            long[] labels = new long[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = i % 2;
            }
            LossContext ctx = new LossContext(out.logits(), out.features(), net.classifierWeight(),
                    bm.create(labels), bm.randomUniform(0, 1, new Shape(batch, f[2], f[3])),
                    bm.ones(new Shape(batch)), CamTarget.PREDICTED, x,
                    bm.randomUniform(0, 1, new Shape(batch, size, size)));
            step.backward(step.compute(ctx).total());
        }
        sgd.step(0.005);
    }
}
