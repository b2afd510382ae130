package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.nn.BatchNorm2d;
import cyborg.nn.Conv2d;
import cyborg.nn.Init;
import cyborg.nn.Layer;
import cyborg.nn.Linear;
import cyborg.nn.Module;
import cyborg.nn.Sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * torchvision's ResNet (v1.5: stride on the 3x3 convolution) with a replaceable head. The CAM
 * features are the output of the last block's last convolution, before its batch norm, the
 * residual addition and the ReLU, as the reference takes them.
 */
public final class ResNet extends Module implements CamNetwork {
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_STRIDE = new Shape(2, 2);
    private static final Shape POOL_PAD = new Shape(1, 1);

    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final boolean maxPool;
    /** CAM from the pooled features (layer4's output) instead of the last convolution. */
    private final boolean camAtOutput;
    private final List<Block> blocks = new ArrayList<>();
    private final Linear fc;

    private ResNet(NDManager manager, Random rng, boolean bottleneck, int[] depths, int classes) {
        this(manager, rng, bottleneck, depths, 64, true, 2, classes);
    }

    /**
     * @param base width of the first stage (doubling per stage)
     * @param imagenetStem 7x7 stride-2 convolution and max-pool (torchvision); else a 3x3
     *     convolution of stride {@code stemStride} without pooling, for small images
     * @param stemStride the small stem's stride (ignored with the ImageNet stem)
     */
    private ResNet(NDManager manager, Random rng, boolean bottleneck, int[] depths, int base, boolean imagenetStem,
            int stemStride, int classes) {
        conv1 = child("conv1", imagenetStem
                ? conv(manager, rng, 3, base, 7).stride(2).padding(3).build()
                : conv(manager, rng, 3, base, 3).stride(stemStride).padding(1).build());
        bn1 = child("bn1", new BatchNorm2d(manager, rng, base));
        maxPool = imagenetStem;
        camAtOutput = !imagenetStem;
        int in = base;
        int expansion = bottleneck ? 4 : 1;
        for (int stage = 0; stage < 4; stage++) {
            int width = base << stage;
            int out = width * expansion;
            StageLayer layer = child("layer" + (stage + 1), new StageLayer());
            for (int i = 0; i < depths[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                Block block = bottleneck
                        ? new Bottleneck(manager, rng, in, width, out, stride)
                        : new BasicBlock(manager, rng, in, out, stride);
                layer.add(i, block);
                blocks.add(block);
                in = out;
            }
        }
        fc = child("fc", new Linear(manager, rng, in, classes));
    }

    /** ResNet-18 (basic blocks 2-2-2-2); CAM layer {@code layer4.1.conv2}. */
    public static ResNet resnet18(NDManager manager, Random rng, int classes) {
        return new ResNet(manager, rng, false, new int[] {2, 2, 2, 2}, classes);
    }

    /**
     * A small ResNet-18 for small images (cyborg's own, not torchvision's): widths 16-32-64-128, a
     * 3x3 stride-1 stem without max-pool, so the CAM has a stride of 8 (8x8 at 64 px) at about
     * the cost of ResNet-18 at that size. Its CAM is the classic one (Zhou et al.): the output of
     * {@code layer4}, the very features the classifier pools, so that no skip connection carries
     * evidence the CAM does not show.
     */
    public static ResNet small(NDManager manager, Random rng, int classes) {
        return new ResNet(manager, rng, false, new int[] {2, 2, 2, 2}, 16, false, 1, classes);
    }

    /**
     * {@link #small} with a stride-2 stem: the CAM has a stride of 16 (6x6 at 96 px) and a step
     * costs about a quarter (0.16 GFLOP an image at 96 px against 0.63), for the embedded benchmark at
     * 96 px. Chosen on the benchmark's design seed, on the shortcut-free reference only
     * (docs/benchmark.md, run E11): its open-set AUC there was no worse than {@link #small}'s over
     * the training seeds run, both within the spread between seeds.
     */
    public static ResNet smallStride2(NDManager manager, Random rng, int classes) {
        return new ResNet(manager, rng, false, new int[] {2, 2, 2, 2}, 16, false, 2, classes);
    }

    /** ResNet-50 (bottlenecks 3-4-6-3); CAM layer {@code layer4.2.conv3}. */
    public static ResNet resnet50(NDManager manager, Random rng, int classes) {
        return new ResNet(manager, rng, true, new int[] {3, 4, 6, 3}, classes);
    }

    @Override
    public CamSplit forwardToCam(NDArray input) {
        NDArray x = bn1.forward(conv1.forward(input)).getNDArrayInternal().relu();
        if (maxPool) {
            x = x.getNDArrayInternal().maxPool(POOL_KERNEL, POOL_STRIDE, POOL_PAD, false);
        }
        for (int i = 0; i < blocks.size() - 1; i++) {
            x = blocks.get(i).forwardFreeing(x);
        }
        Block last = blocks.get(blocks.size() - 1);
        NDList tapped = last.tap(x);
        if (camAtOutput) {
            return new CamSplit(last.finish(tapped.get(0), tapped.get(1)), null);
        }
        return new CamSplit(tapped.get(0), tapped.get(1));
    }

    @Override
    public NDArray head(NDArray features, CamSplit split) {
        NDArray x = camAtOutput ? features : blocks.get(blocks.size() - 1).finish(features, split.residual());
        NDArray pooled = x.getNDArrayInternal().globalAvgPool().reshape(x.getShape().get(0), -1);
        return fc.forward(pooled);
    }

    @Override
    public NDArray classifierWeight() {
        return fc.weight();
    }

    @Override
    public Module module() {
        return this;
    }

    private static Conv2d.Builder conv(NDManager m, Random rng, int in, int out, int k) {
        return Conv2d.builder(m, rng, in, out, k).init(Init.kaimingNormalFanOut());
    }

    /** A residual block that can stop after its last convolution (the reference's CAM layer). */
    private abstract static class Block extends Layer {
        private final Sequential downsample;

        Block(NDManager m, Random rng, int in, int out, int stride) {
            downsample = in != out || stride != 1
                    ? new Sequential()
                            .add(conv(m, rng, in, out, 1).stride(stride).build())
                            .add(new BatchNorm2d(m, rng, out))
                    : null;
        }

        /** Called last by subclasses so that keys follow torchvision's order. */
        final void registerDownsample() {
            if (downsample != null) {
                child("downsample", downsample);
            }
        }

        /** Returns (last convolution's output, identity branch). */
        abstract NDList tap(NDArray x);

        /** The last batch norm. */
        abstract BatchNorm2d lastNorm();

        final NDArray identity(NDArray x) {
            return downsample == null ? x : downsample.forward(x);
        }

        /** The block output from its last convolution's output and its identity branch. */
        final NDArray finish(NDArray lastConv, NDArray identity) {
            return lastNorm().forward(lastConv).add(identity).getNDArrayInternal().relu();
        }

        @Override
        public final NDArray forward(NDArray x) {
            NDList t = tap(x);
            return finish(t.get(0), t.get(1));
        }
    }

    /** Two 3x3 convolutions (ResNet-18/34). */
    private static final class BasicBlock extends Block {
        private final Conv2d conv1;
        private final BatchNorm2d bn1;
        private final Conv2d conv2;
        private final BatchNorm2d bn2;

        BasicBlock(NDManager m, Random rng, int in, int out, int stride) {
            super(m, rng, in, out, stride);
            conv1 = child("conv1", conv(m, rng, in, out, 3).stride(stride).padding(1).build());
            bn1 = child("bn1", new BatchNorm2d(m, rng, out));
            conv2 = child("conv2", conv(m, rng, out, out, 3).padding(1).build());
            bn2 = child("bn2", new BatchNorm2d(m, rng, out));
            registerDownsample();
        }

        @Override
        NDList tap(NDArray x) {
            NDArray y = bn1.forward(conv1.forward(x)).getNDArrayInternal().relu();
            return new NDList(conv2.forward(y), identity(x));
        }

        @Override
        BatchNorm2d lastNorm() {
            return bn2;
        }
    }

    /** 1x1 - 3x3 - 1x1 bottleneck (ResNet-50 and deeper). */
    private static final class Bottleneck extends Block {
        private final Conv2d conv1;
        private final BatchNorm2d bn1;
        private final Conv2d conv2;
        private final BatchNorm2d bn2;
        private final Conv2d conv3;
        private final BatchNorm2d bn3;

        Bottleneck(NDManager m, Random rng, int in, int width, int out, int stride) {
            super(m, rng, in, out, stride);
            conv1 = child("conv1", conv(m, rng, in, width, 1).build());
            bn1 = child("bn1", new BatchNorm2d(m, rng, width));
            conv2 = child("conv2", conv(m, rng, width, width, 3).stride(stride).padding(1).build());
            bn2 = child("bn2", new BatchNorm2d(m, rng, width));
            conv3 = child("conv3", conv(m, rng, width, out, 1).build());
            bn3 = child("bn3", new BatchNorm2d(m, rng, out));
            registerDownsample();
        }

        @Override
        NDList tap(NDArray x) {
            NDArray y = bn1.forward(conv1.forward(x)).getNDArrayInternal().relu();
            y = bn2.forward(conv2.forward(y)).getNDArrayInternal().relu();
            return new NDList(conv3.forward(y), identity(x));
        }

        @Override
        BatchNorm2d lastNorm() {
            return bn3;
        }
    }

    /** One stage ({@code layerN}): blocks named 0, 1, ... */
    private static final class StageLayer extends Module {
        void add(int index, Block block) {
            child(Integer.toString(index), block);
        }
    }
}
