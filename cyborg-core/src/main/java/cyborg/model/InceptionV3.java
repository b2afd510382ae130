package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.model.InceptionBlocks.BasicConv2d;
import cyborg.model.InceptionBlocks.InceptionA;
import cyborg.model.InceptionBlocks.InceptionB;
import cyborg.model.InceptionBlocks.InceptionC;
import cyborg.model.InceptionBlocks.InceptionD;
import cyborg.model.InceptionBlocks.InceptionE;
import cyborg.nn.Dropout;
import cyborg.nn.Layer;
import cyborg.nn.Linear;
import cyborg.nn.MaxPool2d;
import cyborg.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * torchvision's Inception-v3 without auxiliary logits ({@code inception_v3(num_classes=2,
 * aux_logits=False, init_weights=True)}, {@code transform_input} off): the same modules
 * ({@code Conv2d_1a_3x3} ... {@code Mixed_7c}, {@code fc}), names, shapes and branch order. The
 * CAM features are the output of {@code Mixed_7c} (2048 x 8 x 8 at 299); the head is global
 * average pooling, dropout (p 0.5, training only) and {@code fc}.
 *
 * <p>Initialisation as torchvision 0.14: convolution and {@code fc} weights from a normal with
 * std 0.1 truncated to [-2, 2] ({@code trunc_normal_(std=0.1, a=-2, b=2)}; the bounds are
 * absolute, i.e. 20 std, so in practice a plain normal; older torchvision truncated at 2 std
 * with scipy), drawn from the seeded Java stream, not torch's; batch norm 1/0; {@code fc} bias
 * PyTorch's default uniform. The dropout mask comes from a Java stream seeded at construction.
 *
 * <p>Any input of at least {@value #MIN_SIZE} pixels works (CAM 1x1 at 75), as in torchvision.
 */
public final class InceptionV3 extends Module implements CamNetwork {
    /** Smallest input size: Mixed_7a's unpadded strided 3x3 convolution needs a 3x3 map. */
    public static final int MIN_SIZE = 75;

    private final List<Layer> body = new ArrayList<>();
    private final Dropout dropout;
    private final Linear fc;

    private InceptionV3(NDManager m, Random rng, int classes) {
        MaxPool2d pool = new MaxPool2d(3, 2, 0);
        add("Conv2d_1a_3x3", new BasicConv2d(m, rng, 3, 32, 3, 2, 0));
        add("Conv2d_2a_3x3", new BasicConv2d(m, rng, 32, 32, 3, 1, 0));
        add("Conv2d_2b_3x3", new BasicConv2d(m, rng, 32, 64, 3, 1, 1));
        body.add(pool);
        add("Conv2d_3b_1x1", new BasicConv2d(m, rng, 64, 80, 1, 1, 0));
        add("Conv2d_4a_3x3", new BasicConv2d(m, rng, 80, 192, 3, 1, 0));
        body.add(pool);
        add("Mixed_5b", new InceptionA(m, rng, 192, 32));
        add("Mixed_5c", new InceptionA(m, rng, 256, 64));
        add("Mixed_5d", new InceptionA(m, rng, 288, 64));
        add("Mixed_6a", new InceptionB(m, rng, 288));
        add("Mixed_6b", new InceptionC(m, rng, 768, 128));
        add("Mixed_6c", new InceptionC(m, rng, 768, 160));
        add("Mixed_6d", new InceptionC(m, rng, 768, 160));
        add("Mixed_6e", new InceptionC(m, rng, 768, 192));
        add("Mixed_7a", new InceptionD(m, rng, 768));
        add("Mixed_7b", new InceptionE(m, rng, 1280));
        add("Mixed_7c", new InceptionE(m, rng, 2048));
        dropout = child("dropout", new Dropout(0.5f, rng.nextLong()));
        fc = child("fc", new Linear(m, rng, 2048, classes, InceptionBlocks.WEIGHT_INIT, null));
    }

    /** Inception-v3 with a {@code classes}-way {@code fc}; CAM layer {@code Mixed_7c}. */
    public static InceptionV3 inceptionV3(NDManager manager, Random rng, int classes) {
        return new InceptionV3(manager, rng, classes);
    }

    private void add(String name, Layer layer) {
        body.add(child(name, layer));
    }

    @Override
    public CamSplit forwardToCam(NDArray input) {
        NDArray x = input;
        for (Layer layer : body) {
            x = layer.forwardFreeing(x);
        }
        return new CamSplit(x, null);
    }

    @Override
    public NDArray head(NDArray features, CamSplit split) {
        NDArray pooled = features.getNDArrayInternal().globalAvgPool().reshape(features.getShape().get(0), -1);
        return fc.forward(dropout.forward(pooled));
    }

    @Override
    public NDArray classifierWeight() {
        return fc.weight();
    }

    @Override
    public Module module() {
        return this;
    }
}
