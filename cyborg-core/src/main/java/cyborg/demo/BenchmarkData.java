package cyborg.demo;

import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.eval.LabelIndex;
import cyborg.io.Json;
import cyborg.synth.Benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The generated benchmark as the demo reads it: training and validation rows of each training
 * split a method needs, the open set with the shortcut uncorrelated and reversed, the
 * marked/unmarked probe pairs, the unseen-styles open set when the benchmark has one, the human
 * maps, and the families {@code benchmark.json} describes.
 *
 * @param styles the test rows of {@code split-styles.csv}, or null for a benchmark without it
 *     (before version 3)
 */
record BenchmarkData(Map<TrainingSplit, List<Sample>> trainBySplit, Map<TrainingSplit, List<Sample>> valBySplit,
        List<Sample> test, List<Sample> reversed, List<Sample> marked, List<Sample> unmarked, List<Sample> styles,
        MapIndex maps, LabelIndex testLabels, LabelIndex reversedLabels, OpenSetFamilies families,
        Map<String, Object> description) {

    /** Reads {@code split.csv} and the other training splits in {@code splits}. */
    static BenchmarkData read(Path dir, Collection<TrainingSplit> splits) throws IOException {
        Path images = dir.resolve("images");
        Map<TrainingSplit, List<Sample>> train = new EnumMap<>(TrainingSplit.class);
        Map<TrainingSplit, List<Sample>> val = new EnumMap<>(TrainingSplit.class);
        List<Sample> all = SplitCsv.read(dir.resolve(TrainingSplit.BIASED.file()), images, SkipReport.failFast());
        train.put(TrainingSplit.BIASED, split(all, "train"));
        val.put(TrainingSplit.BIASED, split(all, "val"));
        for (TrainingSplit s : splits) {
            if (s == TrainingSplit.BIASED) {
                continue;
            }
            Path csv = dir.resolve(s.file());
            if (!Files.isRegularFile(csv)) {
                // checked here, before any training, so that a long demo does not stop at its last row
                throw new IOException(csv + " not found: a method of this demo trains on it, and this benchmark"
                        + " does not have it (it was generated before benchmark version 3)");
            }
            List<Sample> rows = SplitCsv.read(csv, images, SkipReport.failFast());
            train.put(s, split(rows, "train"));
            val.put(s, split(rows, "val"));
        }
        List<Sample> reversed = split(SplitCsv.read(dir.resolve(Benchmark.REVERSED_SPLIT), images,
                SkipReport.failFast()), "test");
        List<Sample> test = split(all, "test");
        Path stylesCsv = dir.resolve(Benchmark.STYLES_SPLIT);
        List<Sample> styles = Files.isRegularFile(stylesCsv)
                ? split(SplitCsv.read(stylesCsv, images, SkipReport.failFast()), "test") : null;
        Path json = dir.resolve("benchmark.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> description = Json.read(json, Map.class);
        OpenSetFamilies families;
        try {
            families = OpenSetFamilies.of(description, json.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new BenchmarkData(train, val, test, reversed,
                SplitCsv.read(dir.resolve(Benchmark.PROBE_MARKED), images, SkipReport.failFast()),
                SplitCsv.read(dir.resolve(Benchmark.PROBE_UNMARKED), images, SkipReport.failFast()), styles,
                MapIndex.scan(dir.resolve("maps")), LabelIndex.fromSamples(test), LabelIndex.fromSamples(reversed),
                families, description);
    }

    /** {@code split.csv}'s training rows. */
    List<Sample> train() {
        return trainBySplit.get(TrainingSplit.BIASED);
    }

    /** {@code split.csv}'s validation rows, on which the CAM-to-map error is measured. */
    List<Sample> val() {
        return valBySplit.get(TrainingSplit.BIASED);
    }

    /**
     * The maps of the images of split.csv, whose names are unique, for the figures and measures
     * (validation and open-set images). Not of the probes: the marked and unmarked copies of a face
     * share its name and its maps by design, and the demo reads no probe's map.
     */
    MapIndex.Assignment assignedMaps() throws IOException {
        return maps.assign(java.util.stream.Stream.of(train(), val(), test).flatMap(List::stream).toList());
    }

    /** The training rows {@code method} trains on. */
    List<Sample> trainFor(DemoMethod method) {
        return rows(trainBySplit, method);
    }

    /** The validation rows {@code method} selects its epoch on. */
    List<Sample> valFor(DemoMethod method) {
        return rows(valBySplit, method);
    }

    private static List<Sample> rows(Map<TrainingSplit, List<Sample>> bySplit, DemoMethod method) {
        List<Sample> rows = bySplit.get(method.trainingSplit());
        if (rows == null) {
            throw new IllegalStateException(method.splitFile() + " was not read: pass its split to read()");
        }
        return rows;
    }

    private static List<Sample> split(List<Sample> all, String split) {
        return all.stream().filter(s -> s.split().equals(split)).toList();
    }
}
