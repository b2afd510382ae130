package cyborg.spark.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import cyborg.io.Json;
import cyborg.loss.LossSpec;
import cyborg.model.Architecture;
import cyborg.saliency.SaliencyMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An experiment grid ({@code GRID.json}): data sets x architectures x loss specifications x
 * seeds, with {@code cyborg train} options shared by every run. Parsing validates everything that
 * can be checked without data; each error names the file and the field ({@code losses[1].loss}).
 * Relative paths are resolved against the grid file's folder.
 *
 * <pre>
 * {"datasets": [{"name": "bench", "synth": {"seed": 1, "size": 64}}],
 *  "archs": ["smallresnet"],
 *  "losses": ["ce", {"name": "cyborg+cf", "loss": "ce:0.5,cyborg:0.5", "args": ["--counterfactual", "0.5"]}],
 *  "seeds": [1, 2, 3],
 *  "train": ["--epochs", "6", "--optimizer", "adam", "--lr", "0.001", "--size", "64"],
 *  "explain": {"images": 32, "method": "cam"}}
 * </pre>
 */
public final class Grid {
    /** {@code cyborg train} options the sweep sets itself, refused in {@code train} and a loss's {@code args}. */
    public static final Set<String> MANAGED_OPTIONS = Set.of("--out", "--resume", "--seed", "--runs", "--arch",
            "--loss", "--csv", "--images", "--folder", "--maps", "--help", "-h", "--version", "-V");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Set<String> TOP = Set.of("datasets", "archs", "losses", "seeds", "train", "explain",
            "cores_per_run", "heap_per_run", "select", "description");
    private static final Set<String> SYNTH = Set.of("seed", "size", "train_per_class", "val_per_class",
            "test_per_source", "shortcut_rate", "test_shortcut_rate");

    /** One loss of the grid: its name in run ids and tables, the {@code --loss} spec, other train options. */
    public record Loss(String name, String spec, List<String> args) {
        /** The spec with its options, e.g. {@code ce:0.5,cyborg:0.5 --counterfactual 0.5}. */
        public String describe() {
            return args.isEmpty() ? spec : spec + " " + String.join(" ", args);
        }
    }

    /** Explain-to-Me settings: how many open-set images per run (0 = none), the saliency method, curve steps. */
    public record Explain(int images, String method, int curveSteps) implements java.io.Serializable {}

    private final Path file;
    private final List<DataSet> datasets;
    private final List<String> archs;
    private final List<Loss> losses;
    private final List<Long> seeds;
    private final List<String> train;
    private final Explain explain;
    private final Integer coresPerRun;
    private final String heapPerRun;
    private final String select;

    private Grid(Path file, List<DataSet> datasets, List<String> archs, List<Loss> losses, List<Long> seeds,
            List<String> train, Explain explain, Integer coresPerRun, String heapPerRun, String select) {
        this.file = file;
        this.datasets = datasets;
        this.archs = archs;
        this.losses = losses;
        this.seeds = seeds;
        this.train = train;
        this.explain = explain;
        this.coresPerRun = coresPerRun;
        this.heapPerRun = heapPerRun;
        this.select = select;
    }

    /** Reads and validates {@code file}. */
    public static Grid read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such grid file; see 'cyborg sweep --help' for an example", e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as the grid {@code file} (whose folder anchors relative paths). */
    public static Grid parse(Path file, String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + Json.problem(e), e);
        }
        Fields f = new Fields(file);
        if (!root.isJsonObject()) {
            throw f.error("the top level", "must be a JSON object with datasets, archs, losses and seeds");
        }
        JsonObject o = root.getAsJsonObject();
        f.unknown(o, TOP, "");
        Path base = file.toAbsolutePath().getParent();

        List<DataSet> datasets = new ArrayList<>();
        JsonArray ds = f.array(o, "datasets", true);
        for (int i = 0; i < ds.size(); i++) {
            datasets.add(dataSet(f, ds.get(i), "datasets[" + i + "]", base));
        }
        f.unique(datasets.stream().map(DataSet::name).toList(), "datasets", "name");

        List<String> archs = new ArrayList<>();
        JsonArray as = f.array(o, "archs", true);
        for (int i = 0; i < as.size(); i++) {
            String field = "archs[" + i + "]";
            String a = f.string(as.get(i), field);
            try {
                archs.add(Architecture.parse(a).id());
            } catch (IllegalArgumentException e) {
                throw f.error(field, e.getMessage());
            }
        }
        f.unique(archs, "archs", null);

        List<Loss> losses = new ArrayList<>();
        JsonArray ls = f.array(o, "losses", true);
        for (int i = 0; i < ls.size(); i++) {
            losses.add(loss(f, ls.get(i), "losses[" + i + "]"));
        }
        f.unique(losses.stream().map(Loss::name).toList(), "losses", "name");

        List<Long> seeds = new ArrayList<>();
        JsonArray ss = f.array(o, "seeds", true);
        for (int i = 0; i < ss.size(); i++) {
            seeds.add(f.longValue(ss.get(i), "seeds[" + i + "]"));
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw f.error("seeds", "lists a seed twice: " + seeds);
        }

        List<String> train = o.has("train") ? f.options(f.array(o, "train", false), "train") : List.of();

        Explain explain = new Explain(32, "cam", 10);
        if (o.has("explain")) {
            JsonObject e = f.object(o.get("explain"), "explain");
            f.unknown(e, Set.of("images", "method", "curve_steps"), "explain.");
            int images = e.has("images") ? f.intAtLeast(e.get("images"), "explain.images", 0) : 32;
            String method = e.has("method") ? f.string(e.get("method"), "explain.method") : "cam";
            try {
                method = SaliencyMethod.of(method).id();
            } catch (IllegalArgumentException ex) {
                throw f.error("explain.method", ex.getMessage());
            }
            int steps = e.has("curve_steps") ? f.intAtLeast(e.get("curve_steps"), "explain.curve_steps", 2) : 10;
            explain = new Explain(images, method, steps);
        }
        Integer cores = o.has("cores_per_run") ? f.intAtLeast(o.get("cores_per_run"), "cores_per_run", 1) : null;
        String heap = null;
        if (o.has("heap_per_run")) {
            heap = f.string(o.get("heap_per_run"), "heap_per_run");
            if (!heap.matches("[0-9]+[kKmMgG]?")) {
                throw f.error("heap_per_run", "must be a Java heap size such as 2g or 1536m, not '" + heap + "'");
            }
        }
        String select = null;
        if (o.has("select")) {
            select = f.string(o.get("select"), "select");
            try {
                ModelSelection.parse(select);
            } catch (IllegalArgumentException e) {
                throw f.error("select", e.getMessage());
            }
        }
        return new Grid(file, List.copyOf(datasets), List.copyOf(archs), List.copyOf(losses), List.copyOf(seeds),
                List.copyOf(train), explain, cores, heap, select);
    }

    private static DataSet dataSet(Fields f, JsonElement e, String field, Path base) {
        JsonObject o = f.object(e, field);
        f.unknown(o, Set.of("name", "csv", "images", "folder", "maps", "synth"), field + ".");
        String name = f.name(o, field);
        int kinds = (o.has("csv") ? 1 : 0) + (o.has("folder") ? 1 : 0) + (o.has("synth") ? 1 : 0);
        if (kinds != 1) {
            throw f.error(field, "needs exactly one of \"csv\" (with \"images\"), \"folder\" or \"synth\"");
        }
        String maps = o.has("maps") ? resolve(base, f.string(o.get("maps"), field + ".maps")) : null;
        if (o.has("synth")) {
            if (o.has("maps") || o.has("images")) {
                throw f.error(field, "a synth data set brings its own images and maps; drop \"images\"/\"maps\"");
            }
            JsonObject s = f.object(o.get("synth"), field + ".synth");
            f.unknown(s, SYNTH, field + ".synth.");
            if (!s.has("seed")) {
                throw f.error(field + ".synth.seed", "is missing: the benchmark's seed, e.g. \"synth\": {\"seed\": 1}");
            }
            Map<String, Number> params = new LinkedHashMap<>();
            for (String key : SYNTH) {
                if (s.has(key)) {
                    String sub = field + ".synth." + key;
                    if (key.endsWith("rate")) {
                        double r = f.number(s.get(key), sub);
                        if (!(r >= 0 && r <= 1)) {
                            throw f.error(sub, "must lie in [0, 1], got " + r);
                        }
                        params.put(key, r);
                    } else if (key.equals("seed")) {
                        params.put(key, f.longValue(s.get(key), sub));
                    } else {
                        params.put(key, f.intAtLeast(s.get(key), sub, key.equals("size") ? Architecture.MIN_SIZE : 1));
                    }
                }
            }
            return DataSet.synth(name, params);
        }
        if (o.has("csv")) {
            if (!o.has("images")) {
                throw f.error(field + ".images", "is missing: a \"csv\" split file needs the \"images\" root it names");
            }
            return DataSet.csv(name, resolve(base, f.string(o.get("csv"), field + ".csv")),
                    resolve(base, f.string(o.get("images"), field + ".images")), maps);
        }
        if (o.has("images")) {
            throw f.error(field + ".images", "goes with \"csv\"; a \"folder\" data set holds its images");
        }
        return DataSet.folder(name, resolve(base, f.string(o.get("folder"), field + ".folder")), maps);
    }

    private static Loss loss(Fields f, JsonElement e, String field) {
        String name;
        String spec;
        List<String> args = List.of();
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            spec = e.getAsString();
            name = slug(spec);
        } else {
            JsonObject o = f.object(e, field);
            f.unknown(o, Set.of("name", "loss", "args"), field + ".");
            if (!o.has("loss")) {
                throw f.error(field + ".loss", "is missing: the --loss specification, e.g. \"ce:0.5,cyborg:0.5\"");
            }
            spec = f.string(o.get("loss"), field + ".loss");
            name = o.has("name") ? f.name(o, field) : slug(spec);
            if (o.has("args")) {
                args = f.options(f.array(o, "args", false), field + ".args");
            }
        }
        try {
            LossSpec.parse(spec, 0.5);
        } catch (IllegalArgumentException ex) {
            throw f.error(e.isJsonPrimitive() ? field : field + ".loss", ex.getMessage());
        }
        if (name.isEmpty() || !NAME.matcher(name).matches()) {
            throw f.error(field, "gives no usable name; add \"name\" (letters, digits, . _ + -)");
        }
        return new Loss(name, spec, args);
    }

    /** A loss spec as a name: {@code ce:0.5,cyborg:0.5} becomes {@code ce0.5-cyborg0.5}. */
    static String slug(String spec) {
        String s = spec.toLowerCase(Locale.ROOT).replace(":", "").replaceAll("[^a-z0-9.+]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    private static String resolve(Path base, String path) {
        return base.resolve(path).normalize().toString();
    }

    /** Every run of the grid, data set by data set, then architecture, loss and seed. */
    public List<RunSpec> runs() {
        List<RunSpec> out = new ArrayList<>();
        for (DataSet d : datasets) {
            for (String arch : archs) {
                for (Loss l : losses) {
                    for (long seed : seeds) {
                        out.add(new RunSpec(d.name() + "-" + arch + "-" + l.name() + "-s" + seed, d.name(), arch,
                                l.name(), l.spec(), l.args(), seed, train));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The {@code cyborg train} option lists the grid passes besides the sweep's own, by field
     * ({@code train}, {@code losses[1].args}), for a caller that can check them against the command.
     */
    public Map<String, List<String>> optionLists() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("train", train);
        for (int i = 0; i < losses.size(); i++) {
            if (!losses.get(i).args().isEmpty()) {
                m.put("losses[" + i + "].args", losses.get(i).args());
            }
        }
        return m;
    }

    public Path file() { return file; }
    public List<DataSet> datasets() { return datasets; }
    public List<String> archs() { return archs; }
    public List<Loss> losses() { return losses; }
    public List<Long> seeds() { return seeds; }
    public List<String> train() { return train; }
    public Explain explain() { return explain; }
    /** {@code cores_per_run}, or null when the grid leaves it to the command line. */
    public Integer coresPerRun() { return coresPerRun; }
    /** {@code heap_per_run}, or null. */
    public String heapPerRun() { return heapPerRun; }
    /** {@code select}, or null. */
    public String select() { return select; }

    /** Field access with errors naming the file and the field. */
    private static final class Fields {
        private final Path file;

        Fields(Path file) {
            this.file = file;
        }

        IllegalArgumentException error(String field, String what) {
            return new IllegalArgumentException(file + ": " + field + " " + what);
        }

        void unknown(JsonObject o, Set<String> known, String prefix) {
            for (String key : o.keySet()) {
                if (!known.contains(key)) {
                    throw error(prefix + key, "is not a grid field; known here: " + String.join(", ", known.stream()
                            .sorted().toList()));
                }
            }
        }

        JsonArray array(JsonObject o, String key, boolean nonEmpty) {
            JsonElement e = o.get(key);
            if (e == null) {
                throw error(key, "is missing");
            }
            if (!e.isJsonArray()) {
                throw error(key, "must be a JSON array");
            }
            if (nonEmpty && e.getAsJsonArray().isEmpty()) {
                throw error(key, "is empty: a grid needs at least one");
            }
            return e.getAsJsonArray();
        }

        JsonObject object(JsonElement e, String field) {
            if (e == null || !e.isJsonObject()) {
                throw error(field, "must be a JSON object");
            }
            return e.getAsJsonObject();
        }

        String string(JsonElement e, String field) {
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
                throw error(field, "must be a non-empty string");
            }
            return e.getAsString().trim();
        }

        String name(JsonObject o, String field) {
            String n = string(o.get("name"), field + ".name");
            if (!NAME.matcher(n).matches()) {
                throw error(field + ".name", "'" + n + "' must be letters, digits, '.', '_', '+' or '-' (it names"
                        + " folders)");
            }
            return n;
        }

        double number(JsonElement e, String field) {
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw error(field, "must be a number");
            }
            return e.getAsDouble();
        }

        long longValue(JsonElement e, String field) {
            double d = number(e, field);
            if (d != Math.rint(d) || Math.abs(d) > 1e15) {
                throw error(field, "must be a whole number, got " + e);
            }
            return (long) d;
        }

        int intAtLeast(JsonElement e, String field, int min) {
            long v = longValue(e, field);
            if (v < min || v > Integer.MAX_VALUE) {
                throw error(field, "must be at least " + min + ", got " + v);
            }
            return (int) v;
        }

        List<String> options(JsonArray a, String field) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonElement e = a.get(i);
                if (!e.isJsonPrimitive()) {
                    throw error(field + "[" + i + "]", "must be a string (one command-line word)");
                }
                JsonPrimitive p = e.getAsJsonPrimitive();
                String word = p.getAsString();
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (MANAGED_OPTIONS.contains(option)) {
                    throw error(field + "[" + i + "]", option + " is set by the sweep for every run (data sets, archs,"
                            + " losses, seeds, --out DIR/runs/ID); remove it");
                }
                out.add(word);
            }
            return out;
        }

        void unique(List<String> names, String field, String what) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (!seen.add(names.get(i))) {
                    throw error(field + "[" + i + "]" + (what == null ? "" : "." + what), "repeats '" + names.get(i)
                            + "'; names must be unique (they name run folders)");
                }
            }
        }
    }
}
