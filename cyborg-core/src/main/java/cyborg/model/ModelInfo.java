package cyborg.model;

import java.util.List;
import java.util.Map;

/**
 * The JSON sidecar of a saved model ({@code model.json}): everything needed to rebuild, feed and
 * interpret the network, and how it was trained.
 */
public final class ModelInfo {
    public int formatVersion = 1;
    public String architecture;
    public int inputSize;
    public float[] mean;
    public float[] std;
    public List<String> classes = List.of("Real", "Synthetic");
    public String camLayer;
    public int[] camSize;
    public String loss;
    public String camClass;
    public long seed;
    /** 1-based epoch these weights come from. */
    public int epoch;
    public Map<String, Double> metrics;
    public String createdBy = "cyborg";

    /** A sidecar describing {@code arch} at input {@code size}: its normalisation and CAM layer. */
    public static ModelInfo of(Architecture arch, int size, int[] camSize) {
        ModelInfo info = new ModelInfo();
        info.architecture = arch.id();
        info.inputSize = size;
        cyborg.data.Preprocessing pre = arch.preprocessing(size);
        info.mean = pre.mean();
        info.std = pre.std();
        info.camLayer = arch.camLayer();
        info.camSize = camSize;
        return info;
    }

    /** The architecture as an enum. */
    public Architecture architectureEnum() {
        return Architecture.parse(architecture);
    }
}
