package cyborg.model;

import ai.djl.ndarray.NDManager;
import cyborg.data.Preprocessing;
import cyborg.nn.Init;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/** The networks cyborg builds, named as torchvision names them, with their CAM layer and native size. */
public enum Architecture {
    RESNET18("resnet18", 224, "layer4.1.conv2"),
    RESNET50("resnet50", 224, "layer4.2.conv3"),
    /** cyborg's small ResNet-18 for 64 px images: CAM 8x8 at 64 px (see {@link ResNet#small}). */
    SMALLRESNET("smallresnet", 64, "layer4"),
    /** {@link #SMALLRESNET} with a stride-2 stem, for 96 px: CAM 6x6 at 96 px (see {@link ResNet#smallStride2}). */
    SMALLRESNET_S2("smallresnet-s2", 96, "layer4"),
    /** torchvision's DenseNet-121: CAM 1024 x 7x7 at 224, the output of {@code features}. */
    DENSENET121("densenet121", 224, "features"),
    /** torchvision's Inception-v3 without aux logits: CAM 2048 x 8x8 at 299. */
    INCEPTION_V3("inception_v3", 299, "Mixed_7c"),
    /** The reference's Xception port: CAM 2048 x 10x10 at 299, normalisation 0.5/0.5. */
    XCEPTION("xception", 299, "conv4");

    /**
     * Smallest input the ResNets accept, and a floor for the others; {@link #minSize()} gives
     * each network's own minimum (Inception-v3 needs 75).
     */
    public static final int MIN_SIZE = 32;

    /** Far above any face model's size (224, 299); larger inputs would only exhaust memory. */
    public static final int MAX_SIZE = 2048;

    private final String id;
    private final int nativeSize;
    private final String camLayer;

    Architecture(String id, int nativeSize, String camLayer) {
        this.id = id;
        this.nativeSize = nativeSize;
        this.camLayer = camLayer;
    }

    /** The command-line and sidecar name ({@code resnet18}). */
    public String id() {
        return id;
    }

    /** The input size the reference uses. */
    public int nativeSize() {
        return nativeSize;
    }

    /** The layer whose output the CAM is built from, by its torchvision name. */
    public String camLayer() {
        return camLayer;
    }

    /** The name of the final linear layer (the classifier head), as torchvision names it. */
    public String headName() {
        return switch (this) {
            case DENSENET121 -> "classifier";
            case XCEPTION -> "last_linear";
            default -> "fc";
        };
    }

    /** The smallest input this network accepts (at least {@link #MIN_SIZE}). */
    public int minSize() {
        return switch (this) {
            case INCEPTION_V3 -> Math.max(MIN_SIZE, InceptionV3.MIN_SIZE);
            case DENSENET121 -> Math.max(MIN_SIZE, DenseNet.MIN_SIZE);
            case XCEPTION -> Math.max(MIN_SIZE, Xception.MIN_SIZE);
            default -> MIN_SIZE;
        };
    }

    /**
     * {@code size} if this network can take it ({@link #minSize()}..{@link #MAX_SIZE}), else an
     * error naming {@code option}, the value and the range.
     */
    public int requireSize(String option, int size) {
        return cyborg.util.Ranges.within(option, size, minSize(), MAX_SIZE, "for " + id);
    }

    /** The reference preprocessing at the given input size (ImageNet; 0.5/0.5 for Xception). */
    public Preprocessing preprocessing(int size) {
        return this == XCEPTION ? Preprocessing.half(size) : Preprocessing.imagenet(size);
    }

    /** Builds a freshly initialised 2-way network; the same seed gives the same weights. */
    public CamNetwork create(NDManager manager, long seed) {
        return create(manager, cyborg.util.Seeds.random(seed, 0));
    }

    /**
     * Builds a 2-way network with every tensor at zero, for loading a complete state dict into
     * (a load refuses missing keys, so no tensor keeps its zeros): no initial values are drawn.
     */
    public CamNetwork forLoading(NDManager manager) {
        return create(manager, Init.FOR_LOADING);
    }

    private CamNetwork create(NDManager manager, Random rng) {
        return switch (this) {
            case RESNET18 -> ResNet.resnet18(manager, rng, 2);
            case RESNET50 -> ResNet.resnet50(manager, rng, 2);
            case SMALLRESNET -> ResNet.small(manager, rng, 2);
            case SMALLRESNET_S2 -> ResNet.smallStride2(manager, rng, 2);
            case DENSENET121 -> DenseNet.densenet121(manager, rng, 2);
            case INCEPTION_V3 -> InceptionV3.inceptionV3(manager, rng, 2);
            case XCEPTION -> Xception.xception(manager, rng, 2);
        };
    }

    /** Case, dashes and underscores ignored: inception-v3, Inception_V3 and inceptionv3 match. */
    private static String loose(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The known names, for messages: {@code resnet18, resnet50, ...}. */
    public static String names() {
        return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
    }

    /** Looks up an architecture by name, with a message listing the known ones. */
    public static Architecture parse(String name) {
        String n = loose(name);
        for (Architecture a : values()) {
            if (loose(a.id).equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; choose one of " + names());
    }
}
