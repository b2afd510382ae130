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

    /** The architecture as an enum. */
    public Architecture architectureEnum() {
        return Architecture.parse(architecture);
    }
}
