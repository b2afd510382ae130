package cyborg.train;

import cyborg.io.Json;
import cyborg.model.SavedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of run folders, in one place: what a run folder holds, and how several runs of one
 * command ({@code --runs N}) lie in {@code OUT/run-1 .. OUT/run-N}. Training writes it; resume,
 * explain and the demo read it through this class.
 */
public final class RunFiles {
    private static final String RUN_PREFIX = "run-";

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * The run folders of one training command: {@code out} itself for one run, else
     * {@code out/run-1 .. out/run-N}.
     */
    public static List<RunFiles> layout(Path out, int runs) {
        cyborg.util.Ranges.atLeast("--runs", runs, 1);
        List<RunFiles> all = new ArrayList<>();
        for (int k = 1; k <= runs; k++) {
            all.add(new RunFiles(runs == 1 ? out : numbered(out, k)));
        }
        return all;
    }

    /** Run k of a several-run output folder (1-based; the demo numbers its runs by seed). */
    public static Path numbered(Path out, long k) {
        return out.resolve(RUN_PREFIX + k);
    }

    /** How many consecutive {@code run-1, run-2, ...} folders {@code out} holds (0 when it is a single run). */
    public static int runsIn(Path out) {
        int n = 0;
        while (Files.isDirectory(numbered(out, n + 1))) {
            n++;
        }
        return n;
    }

    /**
     * The trained models a folder stands for: itself when it holds a model (or is not a folder,
     * e.g. a model file), else its {@code run-*} sub-folders that hold one, in name order; the
     * folder itself again when none does, so that loading it names what is missing.
     */
    public static List<Path> models(Path dir) throws IOException {
        if (new RunFiles(dir).hasModel() || !Files.isDirectory(dir)) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> runs = s.filter(p -> p.getFileName().toString().startsWith(RUN_PREFIX))
                    .filter(p -> new RunFiles(p).hasModel()).sorted().toList();
            return runs.isEmpty() ? List.of(dir) : runs;
        }
    }

    public Path dir() { return dir; }
    /** The run's settings, for {@code --resume}. */
    public Path config() { return dir.resolve("train.json"); }
    /** Where the run's data came from ({@link RunData}), so that {@code --resume} needs only {@code --out}. */
    public Path data() { return dir.resolve("data.json"); }
    public Path log() { return dir.resolve("train-log.jsonl"); }
    /** Weights, optimiser state and progress after the last completed epoch. */
    public Path checkpointWeights() { return dir.resolve("checkpoint").resolve("last.safetensors"); }
    public Path checkpointState() { return dir.resolve("checkpoint").resolve("last.json"); }
    /** Loss curves (total and each term) per epoch, PNG and SVG. */
    public Path lossCurves(String ext) { return dir.resolve("loss-curves." + ext); }
    /** Train/validation accuracy and validation AUC per epoch, PNG and SVG. */
    public Path accuracyCurves(String ext) { return dir.resolve("accuracy-curves." + ext); }

    /** Whether the run has been started (its settings are written before the first epoch). */
    public boolean hasConfig() {
        return Files.isRegularFile(config());
    }

    /** Whether the run has kept a model. */
    public boolean hasModel() {
        return Files.isRegularFile(dir.resolve(SavedModel.SIDECAR));
    }

    /** The saved settings. */
    public TrainConfig readConfig() throws IOException {
        return Json.read(config(), TrainConfig.class);
    }

    /** The saved data locations, or null when the run has none. */
    public RunData readData() throws IOException {
        return Files.isRegularFile(data()) ? Json.read(data(), RunData.class) : null;
    }

    /** Saves the data locations (atomically), creating the run folder. */
    public void writeData(RunData d) throws IOException {
        Files.createDirectories(dir);
        Json.write(data(), d);
    }
}
