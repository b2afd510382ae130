package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import cyborg.nn.AvgPool2d;
import cyborg.nn.BatchNorm2d;
import cyborg.nn.Conv2d;
import cyborg.nn.Init;
import cyborg.nn.Layer;
import cyborg.nn.Linear;
import cyborg.nn.MaxPool2d;
import cyborg.nn.Module;
import cyborg.nn.NamedSequential;
import cyborg.nn.Relu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * torchvision's DenseNet-BC ({@code torchvision.models.densenet121}): the same modules, names
 * ({@code features.denseblock1.denselayer1.norm1}, {@code features.transition1.conv},
 * {@code features.norm5}, {@code classifier}), shapes and initialisation (Kaiming-normal
 * fan-in convolutions, batch norm 1/0, classifier bias 0). Dropout inside the dense layers is
 * torchvision's default 0, so there is none. The CAM features are the output of
 * {@code features}: after {@code norm5}, before the final ReLU, as the reference takes them.
 *
 * <p>Any input of at least {@value #MIN_SIZE} pixels works (7x7 CAM at 224, 1x1 at 29): the
 * stem divides by 4 (rounding up) and each of the three transitions halves the map (rounding
 * down), so the last transition needs a 2x2 map.
 */
public final class DenseNet extends Module implements CamNetwork {
    /** Smallest input size (CAM 1x1). */
    public static final int MIN_SIZE = 29;

    private final NamedSequential features;
    private final Linear classifier;

    private DenseNet(NDManager m, Random rng, int growth, int[] blocks, int init, int bnSize, int classes) {
        NamedSequential f = new NamedSequential()
                .add("conv0", conv(m, rng, 3, init, 7).stride(2).padding(3).build())
                .add("norm0", new BatchNorm2d(m, rng, init))
                .add("relu0", new Relu())
                .add("pool0", new MaxPool2d(3, 2, 1));
        int channels = init;
        for (int b = 0; b < blocks.length; b++) {
            f.add("denseblock" + (b + 1), new DenseBlock(m, rng, blocks[b], channels, bnSize, growth));
            channels += blocks[b] * growth;
            if (b < blocks.length - 1) {
                f.add("transition" + (b + 1), new Transition(m, rng, channels, channels / 2));
                channels /= 2;
            }
        }
        f.add("norm5", new BatchNorm2d(m, rng, channels));
        features = child("features", f);
        classifier = child("classifier",
                new Linear(m, rng, channels, classes, Init.torchDefaultUniform(), Init.constant(0f)));
    }

    /** DenseNet-121: growth 32, blocks 6-12-24-16, 64 stem channels, bottleneck 4 x growth. */
    public static DenseNet densenet121(NDManager manager, Random rng, int classes) {
        return new DenseNet(manager, rng, 32, new int[] {6, 12, 24, 16}, 64, 4, classes);
    }

    @Override
    public CamSplit forwardToCam(NDArray input) {
        return new CamSplit(features.forward(input), null);
    }

    @Override
    public NDArray head(NDArray features, CamSplit split) {
        NDArray x = features.getNDArrayInternal().relu();
        NDArray pooled = x.getNDArrayInternal().globalAvgPool().reshape(x.getShape().get(0), -1);
        return classifier.forward(pooled);
    }

    @Override
    public NDArray classifierWeight() {
        return classifier.weight();
    }

    @Override
    public Module module() {
        return this;
    }

    private static Conv2d.Builder conv(NDManager m, Random rng, int in, int out, int k) {
        return Conv2d.builder(m, rng, in, out, k).init(Init.kaimingNormalFanIn());
    }

    private static NDArray normRelu(BatchNorm2d norm, NDArray x) {
        return norm.forward(x).getNDArrayInternal().relu();
    }

    /** BN-ReLU-1x1 conv to bnSize x growth, BN-ReLU-3x3 conv to growth new channels. */
    private static final class DenseLayer extends Module {
        private final BatchNorm2d norm1;
        private final Conv2d conv1;
        private final BatchNorm2d norm2;
        private final Conv2d conv2;

        DenseLayer(NDManager m, Random rng, int in, int bnSize, int growth) {
            norm1 = child("norm1", new BatchNorm2d(m, rng, in));
            conv1 = child("conv1", conv(m, rng, in, bnSize * growth, 1).build());
            norm2 = child("norm2", new BatchNorm2d(m, rng, bnSize * growth));
            conv2 = child("conv2", conv(m, rng, bnSize * growth, growth, 3).padding(1).build());
        }

        /** The new features from the concatenation of all earlier ones. */
        NDArray forward(NDArray concatenated) {
            NDArray y = conv1.forward(normRelu(norm1, concatenated));
            return conv2.forward(normRelu(norm2, y));
        }
    }

    /** Dense layers ({@code denselayer1}, ...) each seeing every earlier layer's output. */
    private static final class DenseBlock extends Layer {
        private final List<DenseLayer> layers = new ArrayList<>();

        DenseBlock(NDManager m, Random rng, int count, int in, int bnSize, int growth) {
            for (int i = 0; i < count; i++) {
                layers.add(child("denselayer" + (i + 1), new DenseLayer(m, rng, in + i * growth, bnSize, growth)));
            }
        }

        @Override
        public NDArray forward(NDArray x) {
            NDList all = new NDList(x);
            NDArray concatenated = x;
            for (DenseLayer layer : layers) {
                all.add(layer.forward(concatenated));
                // channel order as torch.cat([input, new1, new2, ...], 1)
                concatenated = NDArrays.concat(all, 1);
            }
            return concatenated;
        }
    }

    /** BN-ReLU-1x1 conv halving the channels, then 2x2 average pooling. */
    private static final class Transition extends Layer {
        private final BatchNorm2d norm;
        private final Conv2d conv;
        private final AvgPool2d pool = new AvgPool2d(2, 2, 0);

        Transition(NDManager m, Random rng, int in, int out) {
            norm = child("norm", new BatchNorm2d(m, rng, in));
            conv = child("conv", conv(m, rng, in, out, 1).build());
        }

        @Override
        public NDArray forward(NDArray x) {
            return pool.forward(conv.forward(normRelu(norm, x)));
        }
    }
}
