package cyborg.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which model a command loads, as its command line names it: a cyborg model folder (or its
 * {@code model.safetensors} or {@code model.json}) or a lone weight file, with the architecture
 * and input size given on the command line, each null when not given. What the model's own
 * description says wins over defaults; a command-line value that contradicts it is refused naming
 * both ({@link SavedModel#open}).
 *
 * @param location the model folder or weight file
 * @param arch {@code --arch}, or null
 * @param size {@code --size}, or null
 * @param strict with a weight file: refuse keys the network lacks
 */
public record ModelRequest(Path location, Architecture arch, Integer size, boolean strict) {
    /** A model folder (or anything else) with nothing said on the command line. */
    public static ModelRequest of(Path location) {
        return new ModelRequest(location, null, null, true);
    }

    /**
     * Whether {@code location} is a lone weight file rather than a model folder: a file that is not
     * a model folder's own {@code model.safetensors}/{@code model.json}. A path that does not exist
     * counts as a weight file when an architecture is given (so that the error names the missing
     * file), else as a folder (so that it says what a model folder holds).
     */
    public boolean isWeightFile() {
        return isWeightFile(location, arch != null);
    }

    /** {@link #isWeightFile()} of {@code location}, {@code withArch} saying whether --arch was given. */
    public static boolean isWeightFile(Path location, boolean withArch) {
        if (Files.isDirectory(location)) {
            return false;
        }
        if (!Files.isRegularFile(location)) {
            return withArch;
        }
        String name = location.getFileName().toString();
        Path dir = location.toAbsolutePath().getParent();
        boolean ownFile = name.equals(SavedModel.WEIGHTS) || name.equals(SavedModel.SIDECAR);
        return !(ownFile && dir != null && Files.isRegularFile(dir.resolve(SavedModel.SIDECAR)));
    }

    /** Refuses an {@code --arch} or {@code --size} that contradicts the description in {@code sidecar}. */
    void agreeWith(ModelInfo info, Path sidecar) throws IOException {
        if (arch != null && !arch.id().equals(info.architecture)) {
            throw new IOException(sidecar + " describes a " + info.architecture + " but --arch says " + arch.id()
                    + "; drop --arch (the description names the architecture), or use the model it describes");
        }
        if (size != null && size != info.inputSize) {
            throw new IOException(sidecar + " says the model takes " + info.inputSize + " px images (input_size)"
                    + " but --size says " + size + "; drop --size (scoring at another size than the model was"
                    + " trained at changes its scores)");
        }
    }
}
