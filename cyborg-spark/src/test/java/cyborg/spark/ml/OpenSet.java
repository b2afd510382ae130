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
 * benchmark at 64 px (as the acceptance suite makes it: seed 3, 6 per test source), a random
 * smallresnet at 64 px saved as a model folder (as SparkScoreTest makes its model), what
 * {@code cyborg score}'s code path (its {@link Scorer}, batch 8) gives each open-set image, and a
 * truncated PNG beside them.
 */
final class OpenSet {
    final Path root;
    final Path model;
    /** The open-set images, in the split file's order. */
    final List<Path> images;
    /** A PNG cut in half: not an image. */
    final Path corrupt;
    /** {@code cyborg score}'s score of each open-set image, by absolute path. */
    final Map<Path, Float> expected;

    private static OpenSet made;

    private OpenSet(Path root) throws IOException {
        this.root = root;
        Benchmark.builder().size(64).seed(3).trainPerClass(16).valPerClass(6).testPerSource(6).moreData(false)
                .build().write(root.resolve("data"), null);
        model = root.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 7);
            int[] cam = SavedModel.camSize(net, m, 64);
            SavedModel.save(model, net, ModelInfo.of(Architecture.SMALLRESNET, 64, cam));
        }
        Path imageRoot = root.resolve("data/images");
        List<Sample> samples = SplitCsv.read(root.resolve("data/split.csv"), imageRoot, SkipReport.failFast()).stream()
                .filter(s -> s.split().equals("test")).toList();
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

        corrupt = root.resolve("corrupt/half.png");
        Files.createDirectories(corrupt.getParent());
        byte[] whole = Files.readAllBytes(images.get(0));
        Files.write(corrupt, Arrays.copyOf(whole, whole.length / 2));
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

    /** The open-set images and the corrupt one, as paths for {@code spark.read().format("binaryFile").load}. */
    String[] binaryFilePaths() {
        String[] out = new String[images.size() + 1];
        for (int i = 0; i < images.size(); i++) {
            out[i] = images.get(i).toString();
        }
        out[images.size()] = corrupt.toString();
        return out;
    }

    /** A binaryFile {@code path} ({@code file:/...}) as the local path {@code cyborg score} names. */
    static Path local(String binaryFilePath) {
        return Path.of(URI.create(binaryFilePath)).toAbsolutePath().normalize();
    }
}
