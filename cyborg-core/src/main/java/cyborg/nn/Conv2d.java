package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * 2-D convolution with torchvision's parameter names ({@code weight}, optional {@code bias}).
 * Kernels and padding may be rectangular (Inception-v3's 1x7 and 7x1 factorised convolutions);
 * with {@code groups} equal to the input channels it is a depthwise convolution.
 */
public final class Conv2d extends Layer {
    static {
        // every convolution of cyborg's networks runs here: libtorch must not warn on each one
        NnpackWarning.silence();
    }

    private final NDArray weight;
    /** Null when the convolution has none, until {@link #foldIn} gives it the normalisation's shift. */
    private NDArray bias;
    private final Shape stride;
    private final Shape padding;
    private final int groups;

    private Conv2d(Builder b) {
        Shape kernel = new Shape(b.out, b.in / b.groups, b.kernelH, b.kernelW);
        weight = tensor("weight", b.manager, kernel, b.init, b.rng, true);
        bias = b.bias
                ? tensor("bias", b.manager, new Shape(b.out), b.biasInit(), b.rng, true)
                : null;
        stride = new Shape(b.stride, b.stride);
        padding = new Shape(b.padH, b.padW);
        groups = b.groups;
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = x.getNDArrayInternal()
                .convolution(x, weight, bias, stride, padding, new Shape(1, 1), groups)
                .singletonOrThrow();
        // each output value is one dot product over a kernel of (in / groups) x kh x kw weights
        FlopCount.addMultiplyAdds(y.size() * (weight.size() / weight.getShape().get(0)));
        return y;
    }

    /**
     * Takes the batch normalisation {@code bn} that directly follows this convolution into its weights
     * and bias, in place, and turns {@code bn} into the identity: {@code bn(conv(x)) = conv'(x)} with
     * {@code weight' = weight * scale} per output channel and {@code bias' = bias * scale + shift}
     * ({@link BatchNorm2d#inferenceAffine}). It saves inference a pass over every activation. For
     * inference only: both modules refuse training afterwards, as the running statistics are gone.
     * Must run with gradients off.
     */
    void foldIn(BatchNorm2d bn) {
        long out = weight.getShape().get(0);
        if (bn.channels() != out) {
            throw new IllegalArgumentException("a batch norm over " + bn.channels()
                    + " channels cannot follow a convolution with " + out + " outputs");
        }
        NDManager home = weight.getManager();
        try (NDManager scratch = home.newSubManager()) {
            NDArray[] affine = bn.inferenceAffine(scratch);
            weight.muli(affine[0].reshape(out, 1, 1, 1));
            if (bias == null) {
                affine[1].attach(home);
                bias = affine[1]; // not registered: the state-dict keys stay torchvision's
            } else {
                bias.muli(affine[0]).addi(affine[1]);
            }
        }
        bn.markFoldedForInference();
        markFoldedForInference();
    }

    /** Starts a convolution from {@code in} to {@code out} channels with a square kernel. */
    public static Builder builder(NDManager manager, Random rng, int in, int out, int kernel) {
        return new Builder(manager, rng, in, out, kernel, kernel);
    }

    /** Starts a convolution with a {@code kernelH} x {@code kernelW} kernel. */
    public static Builder builder(NDManager manager, Random rng, int in, int out, int kernelH, int kernelW) {
        return new Builder(manager, rng, in, out, kernelH, kernelW);
    }

    /** Configures a {@link Conv2d}; defaults: stride 1, no padding, no bias, one group. */
    public static final class Builder {
        private final NDManager manager;
        private final Random rng;
        private final int in;
        private final int out;
        private final int kernelH;
        private final int kernelW;
        private int stride = 1;
        private int padH;
        private int padW;
        private int groups = 1;
        private boolean bias;
        private Init init = Init.torchDefaultUniform();

        private Builder(NDManager manager, Random rng, int in, int out, int kernelH, int kernelW) {
            this.manager = manager;
            this.rng = rng;
            this.in = in;
            this.out = out;
            this.kernelH = kernelH;
            this.kernelW = kernelW;
        }

        public Builder stride(int s) { stride = s; return this; }
        public Builder padding(int p) { padH = p; padW = p; return this; }
        /** Padding of {@code h} rows and {@code w} columns on each side. */
        public Builder padding(int h, int w) { padH = h; padW = w; return this; }
        public Builder groups(int g) { groups = g; return this; }
        public Builder bias(boolean b) { bias = b; return this; }
        public Builder init(Init i) { init = i; return this; }

        private Init biasInit() {
            long fanIn = (long) (in / groups) * kernelH * kernelW;
            return (size, fi, fo, r) -> Init.torchDefaultUniform().values(size, fanIn, fo, r);
        }

        public Conv2d build() {
            return new Conv2d(this);
        }
    }
}
