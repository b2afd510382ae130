package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.nn.BatchNorm2d;
import cyborg.nn.Conv2d;
import cyborg.nn.Layer;
import cyborg.nn.Linear;
import cyborg.nn.MaxPool2d;
import cyborg.nn.Module;
import cyborg.nn.Relu;
import cyborg.nn.Sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Xception as the reference builds it: the common PyTorch port of Keras' model (tstandley's,
 * adapted in Cadene's pretrainedmodels), with its names ({@code conv1}, {@code bn1},
 * {@code block1.skip}, {@code block1.rep.0.conv1}, {@code block1.rep.0.pointwise},
 * {@code conv4.pointwise}, {@code last_linear}) but without the {@code model.} prefix of the
 * reference checkpoints. The CAM features are {@code conv4}'s output (before {@code bn4});
 * the head is {@code bn4}, ReLU, global average pooling and {@code last_linear}. Input 299 with
 * mean = std = 0.5. Initialisation is PyTorch's default (the port's own init is commented out).
 *
 * <p>Any input of at least {@value #MIN_SIZE} pixels works (CAM 10x10 at 299, 1x1 at 7): after
 * the two unpadded stem convolutions, the four strided blocks halve the map rounding up.
 */
public final class Xception extends Module implements CamNetwork {
    /** Smallest input size: the stem's second unpadded 3x3 convolution needs a 3x3 map. */
    public static final int MIN_SIZE = 7;

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final List<Block> blocks = new ArrayList<>();
    private final SeparableConv2d conv3;
    private final BatchNorm2d bn3;
    private final SeparableConv2d conv4;
    private final BatchNorm2d bn4;
    private final Linear lastLinear;

    private Xception(NDManager m, Random rng, int classes) {
        conv1 = child("conv1", Conv2d.builder(m, rng, 3, 32, 3).stride(2).build());
        bn1 = child("bn1", new BatchNorm2d(m, rng, 32));
        conv2 = child("conv2", Conv2d.builder(m, rng, 32, 64, 3).build());
        bn2 = child("bn2", new BatchNorm2d(m, rng, 64));
        block(m, rng, 64, 128, 2, 2, false, true);
        block(m, rng, 128, 256, 2, 2, true, true);
        block(m, rng, 256, 728, 2, 2, true, true);
        for (int i = 4; i <= 11; i++) {
            block(m, rng, 728, 728, 3, 1, true, true);
        }
        block(m, rng, 728, 1024, 2, 2, true, false);
        conv3 = child("conv3", new SeparableConv2d(m, rng, 1024, 1536));
        bn3 = child("bn3", new BatchNorm2d(m, rng, 1536));
        conv4 = child("conv4", new SeparableConv2d(m, rng, 1536, 2048));
        bn4 = child("bn4", new BatchNorm2d(m, rng, 2048));
        lastLinear = child("last_linear", new Linear(m, rng, 2048, classes));
    }

    /** Xception with a {@code classes}-way {@code last_linear}; CAM layer {@code conv4}. */
    public static Xception xception(NDManager manager, Random rng, int classes) {
        return new Xception(manager, rng, classes);
    }

    private void block(NDManager m, Random rng, int in, int out, int reps, int stride, boolean startWithRelu,
            boolean growFirst) {
        String name = "block" + (blocks.size() + 1);
        blocks.add(child(name, new Block(m, rng, in, out, reps, stride, startWithRelu, growFirst)));
    }

    @Override
    public CamSplit forwardToCam(NDArray input) {
        NDArray x = relu(bn1.forward(conv1.forward(input)));
        x = relu(bn2.forward(conv2.forward(x)));
        for (Block b : blocks) {
            x = b.forwardFreeing(x);
        }
        x = relu(bn3.forward(conv3.forward(x)));
        return new CamSplit(conv4.forward(x), null);
    }

    @Override
    public NDArray head(NDArray features, CamSplit split) {
        NDArray x = relu(bn4.forward(features));
        NDArray pooled = x.getNDArrayInternal().globalAvgPool().reshape(x.getShape().get(0), -1);
        return lastLinear.forward(pooled);
    }

    @Override
    public NDArray classifierWeight() {
        return lastLinear.weight();
    }

    @Override
    public Module module() {
        return this;
    }

    private static NDArray relu(NDArray x) {
        return x.getNDArrayInternal().relu();
    }

    /** Depthwise 3x3 convolution ({@code conv1}, pad 1) then pointwise 1x1 ({@code pointwise}), no biases. */
    private static final class SeparableConv2d extends Layer {
        private final Conv2d depthwise;
        private final Conv2d pointwise;

        SeparableConv2d(NDManager m, Random rng, int in, int out) {
            depthwise = child("conv1", Conv2d.builder(m, rng, in, in, 3).padding(1).groups(in).build());
            pointwise = child("pointwise", Conv2d.builder(m, rng, in, out, 1).build());
        }

        @Override
        public NDArray forward(NDArray x) {
            return pointwise.forward(depthwise.forward(x));
        }
    }

    /**
     * {@code rep}: [ReLU, separable conv, batch norm] units (the first ReLU dropped unless
     * start_with_relu, which shifts the indices by one), then a max pool when strided; plus
     * {@code skip}/{@code skipbn} when the shape changes, registered first as in the port.
     */
    private static final class Block extends Layer {
        private final Conv2d skip;
        private final BatchNorm2d skipbn;
        private final Sequential rep;

        Block(NDManager m, Random rng, int in, int out, int reps, int stride, boolean startWithRelu,
                boolean growFirst) {
            if (in != out || stride != 1) {
                skip = child("skip", Conv2d.builder(m, rng, in, out, 1).stride(stride).build());
                skipbn = child("skipbn", new BatchNorm2d(m, rng, out));
            } else {
                skip = null;
                skipbn = null;
            }
            Sequential r = new Sequential();
            for (int i = 0; i < reps; i++) {
                // grow_first: in->out then out->out; otherwise in->in, ..., then in->out last
                int a = growFirst ? (i == 0 ? in : out) : in;
                int b = growFirst ? out : (i == reps - 1 ? out : in);
                if (i > 0 || startWithRelu) {
                    // Relu returns a new array: the skip path below still reads the untouched input
                    r.add(new Relu());
                }
                r.add(new SeparableConv2d(m, rng, a, b)).add(new BatchNorm2d(m, rng, b));
            }
            if (stride != 1) {
                r.add(new MaxPool2d(3, stride, 1));
            }
            rep = child("rep", r);
        }

        @Override
        public NDArray forward(NDArray x) {
            NDArray shortcut = skip == null ? x : skipbn.forward(skip.forward(x));
            return rep.forward(x).add(shortcut);
        }
    }
}
