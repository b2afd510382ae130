package cyborg.spark.score;

import cyborg.model.Architecture;
import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.model.ModelRequest;
import cyborg.model.SavedModel;
import cyborg.model.WeightSidecar;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which model to score with, as every executor loads it: a cyborg model folder (or its
 * safetensors file), or a PyTorch/safetensors weight file with its architecture. Either the
 * location is readable where the executors run (a local path in local mode, a shared file system),
 * or the model's files are shipped to the executors with the job ({@link #files()},
 * {@link #shipped()}).
 *
 * @param location the model folder or weight file, on the driver
 * @param arch {@code --arch}: the architecture of a weight file without a description, or null
 * @param size {@code --size}: the input size of a weight file without a description, or null
 * @param strict with a weight file: refuse keys the network lacks
 * @param shippedAs null: executors read {@code location}; else the model's files were added to the
 *     job ({@code SparkContext.addFile}) and executors read them from their {@link SparkFiles}
 *     folder: the weight file's name, or {@value #FOLDER} for a model folder's two files
 * @param device where the network runs: the CPU, or a GPU ({@link TaskGpu}: the task's own when
 *     Spark schedules GPUs, else the first)
 */
public record ModelSpec(String location, String arch, Integer size, boolean strict, String shippedAs,
        ComputeDevice device) implements Serializable {
    /** {@link #shippedAs} of a model folder: its model.json and model.safetensors. */
    public static final String FOLDER = "<model folder>";

    public ModelSpec {
        device = device == null ? ComputeDevice.CPU : device;
        if (Locations.isUri(location)) {
            throw new IllegalArgumentException("--model " + location + ": a model is read from a path, not fetched from"
                    + " a URI; copy it to the driver (it is shipped to the executors) or to a path every executor can"
                    + " read");
        }
    }

    public ModelSpec(String location, String arch, boolean strict) {
        this(location, arch, null, strict, null, ComputeDevice.CPU);
    }

    /** On the CPU. */
    public ModelSpec(String location, String arch, Integer size, boolean strict, String shippedAs) {
        this(location, arch, size, strict, shippedAs, ComputeDevice.CPU);
    }

    /** The same model on {@code d}. */
    public ModelSpec onDevice(ComputeDevice d) {
        return new ModelSpec(location, arch, size, strict, shippedAs, d);
    }

    /** A cyborg model folder, read where it is. */
    public static ModelSpec folder(String location) {
        return new ModelSpec(location, null, null, true, null, ComputeDevice.CPU);
    }

    private boolean weightFile() {
        return ModelRequest.isWeightFile(Path.of(location), arch != null);
    }

    /**
     * The files to ship so that executors can load the model without reading {@code location}: a
     * weight file with its description when it has one (shipped files land in one folder, so it
     * stays beside the weights).
     */
    public List<Path> files() {
        Path path = Path.of(location);
        if (weightFile()) {
            Path sidecar = WeightSidecar.of(path);
            return Files.exists(sidecar) ? List.of(path, sidecar) : List.of(path);
        }
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return List.of(dir.resolve(SavedModel.SIDECAR), dir.resolve(SavedModel.WEIGHTS));
    }

    /**
     * The model's identity in output tables: {@code sha256:} and the first 16 hex digits of the
     * SHA-256 of its files ({@link #files()}: description and weights, in that order; with --arch and --size
     * when given), so the same
     * model has the same id wherever it is copied, and retraining changes it. Read on the driver.
     */
    public String id() throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files()) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        if (arch != null || size != null) {
            // a weight file without a description is read as --arch and --size say
            sha.update(("arch=" + arch + ",size=" + size).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** This model, read by the executors from the files shipped with the job. */
    public ModelSpec shipped() {
        return new ModelSpec(location, arch, size, strict, weightFile() ? Path.of(location).getFileName().toString()
                : FOLDER, device);
    }

    /** Loads the model (from the shipped files on an executor, when shipped) on its device, GPU {@code gpu} for a GPU. */
    public LoadedModel open(int gpu) throws IOException {
        Path path = shippedAs == null ? Path.of(location)
                : FOLDER.equals(shippedAs) ? Path.of(SparkFiles.getRootDirectory())
                : Path.of(SparkFiles.get(shippedAs));
        return LoadedModel.open(new ModelRequest(path, arch == null ? null : Architecture.parse(arch), size, strict),
                device, gpu);
    }
}
