package cyborg.spark.sweep;

import cyborg.data.FolderLayout;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.synth.Benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data set of a grid: a reference split file with its image root, a folder layout, or the
 * embedded benchmark ({@code synth}), generated once into {@code DIR/data/NAME} before any run.
 * Paths are strings so that runs travel to Spark executors.
 *
 * @param name its name in run ids and tables
 * @param csv the split file, or null
 * @param images the image root of {@code csv}, or null
 * @param folder the folder layout's root, or null
 * @param maps human maps, or null
 * @param synth the benchmark's parameters ({@code cyborg synth}'s options, snake case), or null
 */
public record DataSet(String name, String csv, String images, String folder, String maps, Map<String, Number> synth)
        implements Serializable {

    static DataSet csv(String name, String csv, String images, String maps) {
        return new DataSet(name, csv, images, null, maps, null);
    }

    static DataSet folder(String name, String folder, String maps) {
        return new DataSet(name, null, null, folder, maps, null);
    }

    static DataSet synth(String name, Map<String, Number> params) {
        return new DataSet(name, null, null, null, null, Map.copyOf(params));
    }

    public boolean isSynth() {
        return synth != null;
    }

    /** The benchmark this synth data set describes. */
    Benchmark benchmark() {
        // a sweep trains on split.csv only: the 4x split's extra faces would triple the generation time
        Benchmark.Builder b = Benchmark.builder().seed(synth.get("seed").longValue()).moreData(false);
        if (synth.containsKey("size")) b.size(synth.get("size").intValue());
        if (synth.containsKey("train_per_class")) b.trainPerClass(synth.get("train_per_class").intValue());
        if (synth.containsKey("val_per_class")) b.valPerClass(synth.get("val_per_class").intValue());
        if (synth.containsKey("test_per_source")) b.testPerSource(synth.get("test_per_source").intValue());
        if (synth.containsKey("shortcut_rate")) b.shortcutRate(synth.get("shortcut_rate").doubleValue());
        if (synth.containsKey("test_shortcut_rate")) b.testShortcutRate(synth.get("test_shortcut_rate").doubleValue());
        return b.build();
    }

    /**
     * The data set ready to read: a synth one generated into {@code out/data/NAME} (reused when
     * its {@code benchmark.json} has the same fingerprint) and described as its split file.
     */
    DataSet prepared(Path out, PrintStream console) throws IOException {
        if (!isSynth()) {
            return this;
        }
        Path dir = out.resolve("data").resolve(name);
        Benchmark bench = benchmark();
        Path json = dir.resolve("benchmark.json");
        boolean same = Files.isRegularFile(json) && Files.isRegularFile(dir.resolve("split.csv"))
                && bench.fingerprint().equals(cyborg.io.Json.read(json, Map.class).get("fingerprint"));
        if (!same) {
            console.println("== generating the benchmark '" + name + "' in " + dir);
            bench.write(dir, console);
        } else {
            console.println("== reusing the benchmark '" + name + "' in " + dir);
        }
        return new DataSet(name, dir.resolve("split.csv").toString(), dir.resolve("images").toString(), null,
                dir.resolve("maps").toString(), null);
    }

    /** Every sample (a prepared data set). */
    List<Sample> read() throws IOException {
        if (folder != null) {
            return FolderLayout.scan(Path.of(folder), "test").samples();
        }
        return SplitCsv.read(Path.of(csv), Path.of(images), SkipReport.failFast());
    }

    /** The {@code cyborg train} options naming the data (a prepared data set). */
    List<String> trainArgs() {
        List<String> args = new ArrayList<>();
        if (folder != null) {
            args.addAll(List.of("--folder", folder));
        } else {
            args.addAll(List.of("--csv", csv, "--images", images));
        }
        if (maps != null) {
            args.addAll(List.of("--maps", maps));
        }
        return args;
    }

    /** The folder its images' paths are relative to: the folder layout's root, or the image root. */
    Path root() {
        return Path.of(folder != null ? folder : images);
    }

    /** Where the data come from, for messages. */
    String where() {
        return folder != null ? folder : csv;
    }
}
