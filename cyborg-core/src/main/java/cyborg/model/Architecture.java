package cyborg.model;

import ai.djl.ndarray.NDManager;
import cyborg.data.Preprocessing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/** The networks cyborg builds, named as torchvision names them, with their CAM layer and native size. */
public enum Architecture {
    RESNET18("resnet18", 224, "layer4.1.conv2"),
    RESNET50("resnet50", 224, "layer4.2.conv3"),
    /** cyborg's small ResNet-18 for 64 px images: CAM 8x8 at 64 px (see {@link ResNet#small}). */
    SMALLRESNET("smallresnet", 64, "layer4");

    /** Smallest input every network accepts. */
    public static final int MIN_SIZE = 32;

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

    /** The reference preprocessing at the given input size. */
    public Preprocessing preprocessing(int size) {
        return Preprocessing.imagenet(size);
    }

    /** Builds a freshly initialised 2-way network; the same seed gives the same weights. */
    public CamNetwork create(NDManager manager, long seed) {
        Random rng = cyborg.util.Seeds.random(seed, 0);
        return switch (this) {
            case RESNET18 -> ResNet.resnet18(manager, rng, 2);
            case RESNET50 -> ResNet.resnet50(manager, rng, 2);
            case SMALLRESNET -> ResNet.small(manager, rng, 2);
        };
    }

    /** Looks up an architecture by name, with a message listing the known ones. */
    public static Architecture parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (Architecture a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", ")));
    }
}
