package cyborg.spark.sweep;

import cyborg.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one finished run measured: {@code result.json} in its folder, written atomically as the
 * run's last act, so that its presence marks the run finished. Field names are written in snake
 * case ({@code open_auc}).
 */
public final class RunResult {
    /** Name of the file in the run folder. */
    public static final String FILE = "result.json";

    public String id;
    public String dataset;
    public String arch;
    public String loss;
    public String lossSpec;
    public long seed;
    /** The defining {@code cyborg train} options ({@link RunSpec#definingArgs()}): a changed grid is detected by them. */
    public List<String> args;
    /** Validation AUC and accuracy of the kept epoch, and which epoch. */
    public double valAuc;
    public double valAcc;
    public int epoch;
    /** Open-set (test split) metrics. */
    public int openImages;
    /** Open-set images skipped as unreadable (only when the grid trains with --skip-bad; else they fail the run). */
    public int openSkipped;
    public double openAuc;
    public double acer;
    public Map<String, Double> tdrAtFdr;
    /** AUC per source and generator on the open set. */
    public Map<String, Double> perSource;
    /** Mean spatial entropy (natural log) of the CAM over the open set (the focus losses' H). */
    public double camEntropy;
    /** Explain-to-Me measures over {@code explainImages} open-set images (means), or null when off. */
    public Map<String, Double> explain;
    public int explainImages;
    public String explainMethod;
    /** The explained images' 8-bit maps at feature resolution, for stability across seeds. */
    public FeatureMaps maps;
    public int cores;
    public double trainSeconds;
    public double evalSeconds;
    public String finished;

    /** 8-bit saliency maps of the same images, row-major, {@code width x height} each. */
    public static final class FeatureMaps {
        public int width;
        public int height;
        public List<String> images;
        public List<int[]> values;
    }

    /** The result in {@code runDir}, or null when there is none or it cannot be read (the run is not finished). */
    public static RunResult read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            RunResult r = Json.read(file, RunResult.class);
            return r.id == null || r.args == null ? null : r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes it atomically into {@code runDir}. */
    void write(Path runDir) throws IOException {
        Json.write(runDir.resolve(FILE), this);
    }
}
