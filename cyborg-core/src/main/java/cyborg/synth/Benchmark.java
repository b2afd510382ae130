package cyborg.synth;

import cyborg.image.ImageFiles;
import cyborg.io.AtomicFiles;
import cyborg.io.Json;
import cyborg.util.Seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The procedural open-set benchmark, deterministic from its seed. Train and validation: authentic
 * faces of one style ({@code wild}) and three generator families, one per mechanism, with a
 * corner-mark shortcut that comes with most synthetic and few authentic images. Open-set test:
 * the two other authentic styles and five other families: three share a mechanism with a
 * training family under other parameters and in other parts, two have mechanisms training never
 * shows. Every open-set image is written with and without the mark; {@code split.csv}'s test rows
 * carry it independently of the label (by default), {@code split-reversed.csv}'s with most
 * authentic images (the bias reversed), and {@code probe-marked.csv} / {@code probe-unmarked.csv}
 * list every open-set image in both versions, to measure how much a model relies on the mark.
 * {@code split-ceiling.csv} has the same faces with the mark on half of either class in train and
 * validation too: a model trained on it cannot learn the shortcut, which makes it the reference for
 * what removing the shortcut can reach. Every image gets maps from three simulated annotators. See {@code docs/benchmark.md}.
 */
public final class Benchmark {
    /** Image size of version 3: a face part is some ten pixels wide (at 64 px it was a few). */
    public static final int DEFAULT_SIZE = 96;
    /** The authentic style of train and validation. */
    public static final AuthenticStyle TRAIN_STYLE = AuthenticStyle.WILD;
    /**
     * The authentic styles training never shows. Version 3 keeps them out of {@code split.csv}'s
     * open set (how a model scores an unseen style swung the pooled AUC more than any family did)
     * and reports them on their own, in {@link #STYLES_SPLIT}.
     */
    public static final List<AuthenticStyle> UNSEEN_STYLES = List.of(AuthenticStyle.STUDIO, AuthenticStyle.SOFT);
    /** The generator families of train and validation. */
    public static final List<GeneratorFamily> TRAIN_GENERATORS =
            List.of(GeneratorFamily.UPSAMPLE_EYES_MOUTH, GeneratorFamily.SMEARED_MOUTH_NOSE, GeneratorFamily.IRIS_CAST);
    /** The generator families of the open-set test, none seen in training. */
    public static final List<GeneratorFamily> TEST_GENERATORS = List.of(GeneratorFamily.UPSAMPLE_NOSE,
            GeneratorFamily.SMEARED_EYES, GeneratorFamily.BROW_CAST, GeneratorFamily.HAIRLINE_SEAM,
            GeneratorFamily.DROPLET);
    /** The split file whose test rows carry the shortcut with most authentic images. */
    public static final String REVERSED_SPLIT = "split-reversed.csv";
    /** Every open-set image with the mark, and the same images without it. */
    public static final String PROBE_MARKED = "probe-marked.csv";
    public static final String PROBE_UNMARKED = "probe-unmarked.csv";
    /** Train and validation with the mark on half of either class (no label information); test as split.csv. */
    public static final String CEILING_SPLIT = "split-ceiling.csv";
    /**
     * Version 3: train rows four times {@code split.csv}'s (its rows first, then more faces drawn
     * alike, same shortcut rate); validation and open set as {@code split.csv}. The paper's "more
     * data" row: does guidance at 1x beat cross-entropy with 4x the data?
     */
    public static final String FOUR_X_SPLIT = "split-4x.csv";
    /**
     * Version 3: test rows only, the authentic styles training never shows ({@link #UNSEEN_STYLES})
     * and every open-set family rendered in them; the shortcut uncorrelated with the label.
     * {@code split.csv}'s open set holds the training style only, so that style cannot swing its AUC.
     */
    public static final String STYLES_SPLIT = "split-styles.csv";
    /** Share of either class's train/val images with the mark in {@link #CEILING_SPLIT}. */
    private static final double CEILING_RATE = 0.5;

    private final int size;
    private final long seed;
    private final int trainPerClass;
    private final int valPerClass;
    private final int testPerSource;
    private final double shortcutRate;
    private final double testShortcutRate;
    private final boolean moreData;
    /** How many times {@code split.csv}'s training faces {@link #FOUR_X_SPLIT} holds. */
    static final int MORE_DATA_FACTOR = 4;

    private Benchmark(Builder b) {
        this.moreData = b.moreData;
        this.size = b.size;
        this.seed = b.seed;
        this.trainPerClass = b.trainPerClass;
        this.valPerClass = b.valPerClass;
        this.testPerSource = b.testPerSource;
        this.shortcutRate = b.shortcutRate;
        this.testShortcutRate = b.testShortcutRate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a generator family's mechanism is shown in training. */
    public static boolean mechanismSeenInTraining(GeneratorFamily family) {
        return TRAIN_GENERATORS.stream().anyMatch(g -> g.mechanism() == family.mechanism());
    }

    /**
     * One image to make.
     *
     * @param cue whether it carries the shortcut (in the open set: in {@code split.csv})
     * @param reversedCue whether it carries it in {@code split-reversed.csv} (open set only)
     * @param ceilingCue whether it carries it in {@code split-ceiling.csv} (train and validation
     *     only; the open set's rows there are {@code split.csv}'s)
     */
    record Item(String split, boolean synthetic, AuthenticStyle style, GeneratorFamily family, int index,
            boolean cue, boolean reversedCue, boolean ceilingCue, Group group) {
        String source() {
            return family != null ? family.id() : style.id();
        }

        String fileName() {
            String styled = group == Group.UNSEEN_STYLE && family != null ? "-" + style.id() : "";
            return split + "-" + source() + styled + "-" + String.format(Locale.ROOT, "%05d", index) + ".png";
        }

        /** An image of {@code split.csv}'s open set, written with and without the mark. */
        boolean openSet() {
            return group == Group.OPEN_SET;
        }

        /**
         * The image's path. Open-set images exist with and without the mark; a training or
         * validation image whose mark differs in {@code split-ceiling.csv} from {@code split.csv}
         * has its other version under {@code other-mark/}.
         */
        String relpath(boolean marked) {
            if (group == Group.UNSEEN_STYLE) {
                return "/" + split + "/styles/" + (synthetic ? "synthetic" : "real") + "/" + source() + "/" + fileName();
            }
            String variant = openSet() ? (marked ? "marked/" : "unmarked/") : marked == cue ? "" : "other-mark/";
            return "/" + split + "/" + variant + (synthetic ? "synthetic" : "real") + "/" + source() + "/" + fileName();
        }
    }

    /** Which files an item belongs to. */
    enum Group {
        /** Train and validation rows of every split file but {@code split-styles.csv}. */
        TRAINING,
        /** Train rows of {@link #FOUR_X_SPLIT} only: the faces beyond {@code split.csv}'s. */
        MORE_DATA,
        /** The open set of {@code split.csv} (training style), with its probes. */
        OPEN_SET,
        /** {@link #STYLES_SPLIT}: unseen authentic styles and the open-set families in them. */
        UNSEEN_STYLE
    }

    /** The items of every split, in file order; the shortcut cue is drawn here from the seed. */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (String split : List.of("train", "val")) {
            int n = split.equals("train") ? trainPerClass : valPerClass;
            Random cues = Seeds.random(seed, 1, split.hashCode());
            Random ceiling = Seeds.random(seed, 5, split.hashCode());
            for (int i = 0; i < n; i++) {
                items.add(new Item(split, false, TRAIN_STYLE, null, i, cues.nextDouble() < 1 - shortcutRate, false,
                        ceiling.nextDouble() < CEILING_RATE, Group.TRAINING));
            }
            for (int i = 0; i < n; i++) {
                GeneratorFamily g = TRAIN_GENERATORS.get(i % TRAIN_GENERATORS.size());
                items.add(new Item(split, true, TRAIN_STYLE, g, i, cues.nextDouble() < shortcutRate, false,
                        ceiling.nextDouble() < CEILING_RATE, Group.TRAINING));
            }
        }
        if (moreData) {
            // three times as many new faces, drawn alike with the same shortcut rate: split-4x.csv's
            // train rows are split.csv's followed by these
            Random cues = Seeds.random(seed, 6);
            for (int i = trainPerClass; i < MORE_DATA_FACTOR * trainPerClass; i++) {
                items.add(new Item("train", false, TRAIN_STYLE, null, i, cues.nextDouble() < 1 - shortcutRate, false,
                        false, Group.MORE_DATA));
            }
            for (int i = trainPerClass; i < MORE_DATA_FACTOR * trainPerClass; i++) {
                GeneratorFamily g = TRAIN_GENERATORS.get(i % TRAIN_GENERATORS.size());
                items.add(new Item("train", true, TRAIN_STYLE, g, i, cues.nextDouble() < shortcutRate, false, false,
                        Group.MORE_DATA));
            }
        }
        Random cues = Seeds.random(seed, 2);
        Random reversed = Seeds.random(seed, 4);
        for (int i = 0; i < testPerSource; i++) {
            boolean cue = cues.nextDouble() < 1 - testShortcutRate;
            items.add(new Item("test", false, TRAIN_STYLE, null, i, cue, reversed.nextDouble() < shortcutRate, cue,
                    Group.OPEN_SET));
        }
        int perGenerator = perGenerator();
        for (GeneratorFamily g : TEST_GENERATORS) {
            for (int i = 0; i < perGenerator; i++) {
                boolean cue = cues.nextDouble() < testShortcutRate;
                items.add(new Item("test", true, TRAIN_STYLE, g, i, cue, reversed.nextDouble() < 1 - shortcutRate, cue,
                        Group.OPEN_SET));
            }
        }
        Random styleCues = Seeds.random(seed, 7);
        int perStyle = Math.max(1, testPerSource / UNSEEN_STYLES.size());
        for (AuthenticStyle style : UNSEEN_STYLES) {
            for (int i = 0; i < perStyle; i++) {
                items.add(new Item("test", false, style, null, i, styleCues.nextDouble() < 0.5, false, false,
                        Group.UNSEEN_STYLE));
            }
        }
        int perGeneratorStyled = Math.max(1, perStyle * UNSEEN_STYLES.size() / TEST_GENERATORS.size());
        for (GeneratorFamily g : TEST_GENERATORS) {
            for (int i = 0; i < perGeneratorStyled; i++) {
                // each family's faces alternate between the unseen styles, so style says nothing about the label
                items.add(new Item("test", true, UNSEEN_STYLES.get(i % UNSEEN_STYLES.size()), g, i,
                        styleCues.nextDouble() < 0.5, false, false, Group.UNSEEN_STYLE));
            }
        }
        return items;
    }

    /** Open-set images per generator family: half as many as authentic ones, so 5 families give 2.5 times. */
    private int perGenerator() {
        return Math.max(1, testPerSource / 2);
    }

    /** An image with its face and the regions its annotators were shown. */
    record Rendered(Face face, Raster image, List<Region> salient) {}

    /** Renders one item (deterministic for seed and item). */
    Rendered render(Item item) {
        return render(item, item.cue());
    }

    /**
     * Renders one item with or without the mark; the two differ only inside the mark's box, since
     * the mark draws no random numbers.
     */
    Rendered render(Item item, boolean marked) {
        Random rng = item.group() == Group.UNSEEN_STYLE
                ? Seeds.random(seed, 8, item.fileName().hashCode())
                : Seeds.random(seed, item.split().hashCode(), item.source().hashCode(), item.index());
        Face face = new Face(rng, size);
        Raster r = FaceRenderer.render(face, item.style(), rng);
        // sensor noise comes before the traces (version 3): a generator that smears a part
        // erases the camera's noise there too, and that local texture loss is what a smear detector
        // can learn and carry to other parts; added afterwards, the noise hid it
        for (int i = 0; i < r.rgb.length; i++) {
            r.rgb[i] += (float) (rng.nextGaussian() * item.style().noise);
        }
        List<Region> salient = item.family() != null ? item.family().apply(r, face, rng) : face.inspected();
        if (marked) {
            Shortcut.apply(r, face);
        }
        return new Rendered(face, r, salient);
    }

    /**
     * Writes {@code out/split.csv}, {@code out/images/...}, {@code out/maps/NAME.<k>.png} (one per
     * annotator) and {@code out/benchmark.json}.
     */
    public void write(Path out, PrintStream console) throws IOException {
        List<Item> items = items();
        SynthFiles.writeAll(items, "generating benchmark", console, item -> {
            boolean marked = item.openSet() || item.cue();
            Rendered r = render(item, marked);
            ImageFiles.writePng(r.image().toImage(), out.resolve("images" + item.relpath(marked)));
            if (item.openSet()) {
                ImageFiles.writePng(render(item, false).image().toImage(), out.resolve("images" + item.relpath(false)));
            } else if (item.group() == Group.TRAINING && item.ceilingCue() != item.cue()) {
                ImageFiles.writePng(render(item, item.ceilingCue()).image().toImage(),
                        out.resolve("images" + item.relpath(item.ceilingCue())));
            }
            Random annotatorRng = Seeds.random(seed, 3, item.fileName().hashCode());
            SynthFiles.writeMaps(out, item.fileName(), Annotators.maps(r.face(), r.salient(), annotatorRng));
        });
        List<Item> main = items.stream().filter(i -> i.group() == Group.TRAINING || i.openSet()).toList();
        AtomicFiles.writeString(out.resolve("split.csv"), csv(main, Item::cue, Item::cue));
        AtomicFiles.writeString(out.resolve(REVERSED_SPLIT), csv(main, Item::reversedCue, Item::cue));
        AtomicFiles.writeString(out.resolve(CEILING_SPLIT), csv(main, Item::cue, Item::ceilingCue));
        List<Item> probes = items.stream().filter(Item::openSet).toList();
        AtomicFiles.writeString(out.resolve(PROBE_MARKED), csv(probes, i -> true, null));
        AtomicFiles.writeString(out.resolve(PROBE_UNMARKED), csv(probes, i -> false, null));
        if (moreData) {
            // split.csv's train rows first, then the extra faces, then validation and open set as split.csv
            List<Item> four = new ArrayList<>();
            main.stream().filter(i -> i.split().equals("train")).forEach(four::add);
            items.stream().filter(i -> i.group() == Group.MORE_DATA).forEach(four::add);
            main.stream().filter(i -> !i.split().equals("train")).forEach(four::add);
            AtomicFiles.writeString(out.resolve(FOUR_X_SPLIT), csv(four, Item::cue, Item::cue));
        }
        AtomicFiles.writeString(out.resolve(STYLES_SPLIT),
                csv(items.stream().filter(i -> i.group() == Group.UNSEEN_STYLE).toList(), Item::cue, Item::cue));
        Json.write(out.resolve("benchmark.json"), description(items));
    }

    /**
     * Split rows: open-set rows with the mark as {@code openSetMarked} says, train and validation
     * rows with it as {@code trainingMarked} says (none when null).
     */
    private static String csv(List<Item> items, Predicate<Item> openSetMarked, Predicate<Item> trainingMarked) {
        StringBuilder csv = new StringBuilder();
        for (Item item : items) {
            if (!item.split().equals("test") && trainingMarked == null) {
                continue;
            }
            String rel = item.relpath((item.split().equals("test") ? openSetMarked : trainingMarked).test(item));
            csv.append(item.split()).append(',').append(item.synthetic() ? "Synthetic" : "Real").append(',')
                    .append(rel).append('\n');
        }
        return csv.toString();
    }

    /** Identifies the benchmark's content: equal fingerprints, equal files. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "v3 size=%d seed=%d train=%d val=%d test=%d shortcut=%s test_shortcut=%s more=%s",
                size, seed, trainPerClass, valPerClass, testPerSource, shortcutRate, testShortcutRate, moreData);
    }

    /** Rates by class in a fixed order, so that the same benchmark writes the same JSON. */
    private static Map<String, Double> rates(double synthetic, double real) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("synthetic", synthetic);
        m.put("real", real);
        return m;
    }

    private Map<String, Object> description(List<Item> items) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fingerprint", fingerprint());
        d.put("seed", seed);
        d.put("size", size);
        d.put("shortcut", "watermark-like mark in the bottom-right corner (frame +" + Shortcut.AMPLITUDE + ", core -" + Shortcut.AMPLITUDE + " gray levels)");
        d.put("shortcut_rate_train_val", rates(shortcutRate, 1 - shortcutRate));
        d.put("shortcut_rate_test", rates(testShortcutRate, 1 - testShortcutRate));
        d.put("shortcut_rate_test_reversed", rates(1 - shortcutRate, shortcutRate));
        d.put("shortcut_rate_train_val_ceiling", rates(CEILING_RATE, CEILING_RATE));
        Map<String, Object> families = new LinkedHashMap<>();
        for (GeneratorFamily g : GeneratorFamily.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("like", g.like());
            f.put("mechanism", g.mechanism().id());
            f.put("split", TRAIN_GENERATORS.contains(g) ? "train" : "test");
            f.put("mechanism_in_training", mechanismSeenInTraining(g));
            families.put(g.id(), f);
        }
        d.put("generators", families);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Item item : items) {
            counts.computeIfAbsent(item.split(), k -> new LinkedHashMap<>()).merge(item.source(), 1, Integer::sum);
        }
        d.put("images", counts);
        d.put("annotators", Annotators.COUNT);
        return d;
    }

    /**
     * Configures a {@link Benchmark}; defaults: 64 px, seed 1, 400/100 per class, 150 per test
     * source, shortcut on 90 % of synthetic train/val images (10 % of authentic) and, in the open
     * set, on half of the images of either class.
     */
    public static final class Builder {
        private int size = DEFAULT_SIZE;
        private long seed = 1;
        private int trainPerClass = 400;
        private int valPerClass = 100;
        private int testPerSource = 150;
        private double shortcutRate = 0.9;
        private double testShortcutRate = 0.5;
        private boolean moreData = true;

        /** Whether to write {@link #FOUR_X_SPLIT} (three times the training faces again). */
        public Builder moreData(boolean m) { moreData = m; return this; }
        public Builder size(int s) { size = s; return this; }
        public Builder seed(long s) { seed = s; return this; }
        /** Authentic (and synthetic) training images. */
        public Builder trainPerClass(int n) { trainPerClass = n; return this; }
        /** Authentic (and synthetic) validation images. */
        public Builder valPerClass(int n) { valPerClass = n; return this; }
        /** Test images per authentic style; the same total is split over the test generators. */
        public Builder testPerSource(int n) { testPerSource = n; return this; }
        /** Fraction of synthetic train/val images carrying the shortcut (authentic: 1 minus it). */
        public Builder shortcutRate(double r) { shortcutRate = r; return this; }

        /** Fraction of synthetic test images carrying the shortcut (authentic: 1 minus it); 0.5 = uncorrelated. */
        public Builder testShortcutRate(double r) { testShortcutRate = r; return this; }

        public Benchmark build() {
            if (size < 32) {
                throw new IllegalArgumentException("--size must be at least 32");
            }
            if (trainPerClass < 2 || valPerClass < 1 || testPerSource < 2) {
                throw new IllegalArgumentException("each split needs images: train >= 2, val >= 1, test >= 2 per class");
            }
            if (shortcutRate < 0 || shortcutRate > 1 || testShortcutRate < 0 || testShortcutRate > 1) {
                throw new IllegalArgumentException("--shortcut-rate must lie in [0, 1]");
            }
            return new Benchmark(this);
        }
    }
}
