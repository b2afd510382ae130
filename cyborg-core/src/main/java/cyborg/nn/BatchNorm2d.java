package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * Batch normalisation over channels with PyTorch semantics (momentum 0.1, eps 1e-5 unless
 * given, unbiased running variance) and torchvision's names: {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var}, {@code num_batches_tracked}.
 */
public final class BatchNorm2d extends Layer {
    /** DJL's momentum is the weight of the old average: 0.9 here is PyTorch's 0.1. */
    private static final float DJL_MOMENTUM = 0.9f;
    /** PyTorch's default epsilon. */
    private static final float DEFAULT_EPS = 1e-5f;

    private final NDArray weight;
    private final NDArray bias;
    private final NDArray runningMean;
    private final NDArray runningVar;
    private final NDArray batchesTracked;
    private final float eps;

    /** Creates a batch norm over {@code channels} channels (weight 1, bias 0, eps 1e-5). */
    public BatchNorm2d(NDManager manager, Random rng, int channels) {
        this(manager, rng, channels, DEFAULT_EPS);
    }

    /**
     * Creates a batch norm with another epsilon (Inception-v3's BasicConv2d uses 0.001, which
     * matters when loading its pretrained statistics).
     */
    public BatchNorm2d(NDManager manager, Random rng, int channels, float eps) {
        this.eps = eps;
        Shape shape = new Shape(channels);
        weight = tensor("weight", manager, shape, Init.constant(1f), rng, true);
        bias = tensor("bias", manager, shape, Init.constant(0f), rng, true);
        runningMean = tensor("running_mean", manager, shape, Init.constant(0f), rng, false);
        runningVar = tensor("running_var", manager, shape, Init.constant(1f), rng, false);
        batchesTracked = counter("num_batches_tracked", manager);
    }

    @Override
    public NDArray forward(NDArray x) {
        if (isFoldedForInference()) {
            // Conv2d#foldIn took this normalisation into the preceding convolution (inference only: see Module#setTraining)
            return x;
        }
        boolean training = isTraining();
        if (training) {
            batchesTracked.addi(1);
        }
        // axis -1 lets DJL pass the call straight to torch's batch_norm (channel axis 1).
        return x.getNDArrayInternal()
                .batchNorm(x, runningMean, runningVar, weight, bias, -1, DJL_MOMENTUM, eps, training)
                .singletonOrThrow();
    }

    /**
     * The per-channel affine map this normalisation applies in inference, {@code y = x * scale + shift}:
     * {@code scale = weight / sqrt(running_var + eps)}, {@code shift = bias - running_mean * scale},
     * computed in fp32 in {@code manager}.
     */
    NDArray[] inferenceAffine(NDManager manager) {
        NDArray scale = weight.div(runningVar.add(eps).sqrt()).toType(weight.getDataType(), false);
        scale.attach(manager);
        NDArray shift = bias.sub(runningMean.mul(scale));
        shift.attach(manager);
        return new NDArray[] {scale, shift};
    }

    int channels() {
        return Math.toIntExact(weight.size());
    }

}
