package cyborg.train;

import java.nio.file.Path;

/** The files of a run folder. */
public final class RunFiles {
    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }
    /** The configuration and data paths, for {@code --resume}. */
    public Path config() { return dir.resolve("train.json"); }
    public Path log() { return dir.resolve("train-log.jsonl"); }
    /** Weights, optimiser state and progress after the last completed epoch. */
    public Path checkpointWeights() { return dir.resolve("checkpoint").resolve("last.safetensors"); }
    public Path checkpointState() { return dir.resolve("checkpoint").resolve("last.json"); }
    /** Loss curves (total and each term) per epoch, PNG and SVG. */
    public Path lossCurves(String ext) { return dir.resolve("loss-curves." + ext); }
    /** Train/validation accuracy and validation AUC per epoch, PNG and SVG. */
    public Path accuracyCurves(String ext) { return dir.resolve("accuracy-curves." + ext); }
}
