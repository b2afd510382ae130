package cyborg.demo;

import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.eval.LabelIndex;
import cyborg.synth.Benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The generated benchmark as the demo reads it: training and validation rows (as biased and
 * shortcut-free), the open set with the shortcut uncorrelated and reversed, the marked/unmarked
 * probe pairs, and the human maps.
 */
record BenchmarkData(List<Sample> train, List<Sample> val, List<Sample> shortcutFreeTrain,
        List<Sample> shortcutFreeVal, List<Sample> test, List<Sample> reversed, List<Sample> marked,
        List<Sample> unmarked, MapIndex maps, LabelIndex testLabels, LabelIndex reversedLabels) {

    static BenchmarkData read(Path dir) throws IOException {
        Path images = dir.resolve("images");
        List<Sample> all = SplitCsv.read(dir.resolve("split.csv"), images, SkipReport.failFast());
        List<Sample> reversed = split(SplitCsv.read(dir.resolve(Benchmark.REVERSED_SPLIT), images,
                SkipReport.failFast()), "test");
        List<Sample> shortcutFree = SplitCsv.read(dir.resolve(Benchmark.CEILING_SPLIT), images, SkipReport.failFast());
        List<Sample> test = split(all, "test");
        return new BenchmarkData(split(all, "train"), split(all, "val"), split(shortcutFree, "train"),
                split(shortcutFree, "val"), test, reversed,
                SplitCsv.read(dir.resolve(Benchmark.PROBE_MARKED), images, SkipReport.failFast()),
                SplitCsv.read(dir.resolve(Benchmark.PROBE_UNMARKED), images, SkipReport.failFast()),
                MapIndex.scan(dir.resolve("maps")), LabelIndex.fromSamples(test), LabelIndex.fromSamples(reversed));
    }

    /**
     * The maps of the images of split.csv, whose names are unique, for the figures and measures
     * (validation and open-set images). Not of the probes: the marked and unmarked copies of a face
     * share its name and its maps by design, and the demo reads no probe's map.
     */
    MapIndex.Assignment assignedMaps() throws IOException {
        return maps.assign(java.util.stream.Stream.of(train, val, test).flatMap(List::stream).toList());
    }

    /** The training rows {@code method} trains on. */
    List<Sample> trainFor(DemoMethod method) {
        return method.shortcutFree() ? shortcutFreeTrain : train;
    }

    /** The validation rows {@code method} selects its epoch on. */
    List<Sample> valFor(DemoMethod method) {
        return method.shortcutFree() ? shortcutFreeVal : val;
    }

    private static List<Sample> split(List<Sample> all, String split) {
        return all.stream().filter(s -> s.split().equals(split)).toList();
    }
}
