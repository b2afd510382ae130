package cyborg.spark.ml;

import ai.djl.ndarray.NDManager;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.CamTarget;
import cyborg.model.LoadedModel;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.score.Score;
import cyborg.score.Scorer;
import cyborg.synth.Benchmark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the DataFrame tests, made once per test JVM: the open set of a {@code cyborg synth}
 * benchmark at 64 px (as the acceptance suite makes it: seed 3, 6 per test source) copied alone into
 * a folder of its own ({@link #folder}, with its layout), a truncated PNG and a text file beside it;
 * a random smallresnet at 64 px saved as a model folder (as SparkScoreTest makes its model); and
 * what {@code cyborg score}'s code path (its {@link Scorer}, batch 8) gives each open-set image.
 */
final class OpenSet {
    final Path root;
    final Path model;
    /** The open set alone, as {@code <folder>/<relpath>}, with {@code corrupt/half.png} and {@code README.txt}. */
    final Path folder;
    /** The open-set images in {@link #folder}, in the split file's order. */
    final List<Path> images;
    /** A PNG cut in half: not an image. */
    final Path corrupt;
    /** {@code cyborg score}'s score of each open-set image, by absolute path. */
    final Map<Path, Float> expected;

    private static OpenSet made;

    private OpenSet(Path root) throws IOException {
        this.root = root;
        Path data = root.resolve("data");
        Benchmark.builder().size(64).seed(3).trainPerClass(16).valPerClass(6).testPerSource(6).moreData(false)
                .build().write(data, null);
        model = root.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 7);
            int[] cam = SavedModel.camSize(net, m, 64);
            SavedModel.save(model, net, ModelInfo.of(Architecture.SMALLRESNET, 64, cam));
        }
        folder = root.resolve("openset");
        List<String> testRows = Files.readAllLines(data.resolve("split.csv")).stream().filter(r -> r.startsWith("test,"))
                .toList();
        for (String row : testRows) {
            String rel = row.substring(row.lastIndexOf(',') + 1);
            String relative = rel.startsWith("/") ? rel.substring(1) : rel;
            Path to = folder.resolve(relative);
            Files.createDirectories(to.getParent());
            Files.copy(data.resolve("images").resolve(relative), to);
        }
        Path csv = root.resolve("openset.csv");
        Files.write(csv, testRows);
        List<Sample> samples = SplitCsv.read(csv, folder, SkipReport.failFast());
        expected = new LinkedHashMap<>();
        try (Scorer scorer = new Scorer(LoadedModel.open(model))) {
            List<Score> scores = scorer.score(samples, 8, null, CamTarget.PREDICTED, SkipReport.failFast(), null);
            for (Score s : scores) {
                expected.put(Path.of(s.key()).toAbsolutePath().normalize(), (float) s.score());
            }
        }
        images = List.copyOf(expected.keySet());
        // a random network could score every image alike, and then matching scores would say little
        double spread = expected.values().stream().mapToDouble(Float::doubleValue).max().orElseThrow()
                - expected.values().stream().mapToDouble(Float::doubleValue).min().orElseThrow();
        if (images.size() < 12 || spread < 1e-3) {
            throw new IllegalStateException(images.size() + " open-set images, scores spread over " + spread);
        }
        corrupt = folder.resolve("corrupt/half.png");
        Files.createDirectories(corrupt.getParent());
        byte[] whole = Files.readAllBytes(images.get(0));
        Files.write(corrupt, Arrays.copyOf(whole, whole.length / 2));
        // not an image: a glob filter (*.png) leaves it out
        Files.writeString(folder.resolve("README.txt"), "the open set\n");
    }

    static synchronized OpenSet get() {
        if (made == null) {
            try {
                Path root = Files.createTempDirectory("cyborg-openset");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                made = new OpenSet(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return made;
    }

    private static void delete(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }

    /** The PNGs of {@link #folder} at any depth (the open set and the corrupt one), as a binaryFile DataFrame. */
    Dataset<Row> pngs(SparkSession spark) {
        return spark.read().format("binaryFile").option("pathGlobFilter", "*.png").option("recursiveFileLookup", "true")
                .load(folder.toString());
    }

    /** A binaryFile {@code path} ({@code file:/...}) as the local path {@code cyborg score} names. */
    static Path local(String binaryFilePath) {
        return Path.of(URI.create(binaryFilePath)).toAbsolutePath().normalize();
    }
}
