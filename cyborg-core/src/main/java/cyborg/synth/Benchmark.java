package cyborg.synth;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.io.AtomicFiles;
import cyborg.io.Json;
import cyborg.util.ProgressBar;
import cyborg.util.Seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The procedural open-set benchmark, deterministic from its seed. Train and validation: authentic
 * faces of one style ({@code wild}) and two generator families, with a background shortcut that
 * comes with most synthetic and few authentic images. Open-set test: the two other authentic
 * styles and the four other generator families, with the shortcut reversed by default (it comes
 * with most authentic images, as when another source stamps its photos) or uncorrelated.
 * Every image gets maps from three simulated annotators. See {@code docs/benchmark.md}.
 */
public final class Benchmark {
    /** The authentic style of train and validation. */
    public static final AuthenticStyle TRAIN_STYLE = AuthenticStyle.WILD;
    /** The authentic styles of the open-set test. */
    public static final List<AuthenticStyle> TEST_STYLES = List.of(AuthenticStyle.STUDIO, AuthenticStyle.SOFT);
    /** The generator families of train and validation. */
    public static final List<GeneratorFamily> TRAIN_GENERATORS =
            List.of(GeneratorFamily.CHECKER_EYES, GeneratorFamily.SMEARED_MOUTH);
    /** The generator families of the open-set test, none seen in training. */
    public static final List<GeneratorFamily> TEST_GENERATORS = List.of(GeneratorFamily.IRIS_MISMATCH,
            GeneratorFamily.HAIRLINE_BLEED, GeneratorFamily.SPECTRAL_NOSE, GeneratorFamily.DROPLET);

    private final int size;
    private final long seed;
    private final int trainPerClass;
    private final int valPerClass;
    private final int testPerSource;
    private final double shortcutRate;
    private final double testShortcutRate;

    private Benchmark(Builder b) {
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

    /** One image to make. */
    record Item(String split, boolean synthetic, AuthenticStyle style, GeneratorFamily family, int index,
            boolean cue) {
        String source() {
            return family != null ? family.id() : style.id();
        }

        String fileName() {
            return split + "-" + source() + "-" + String.format(Locale.ROOT, "%05d", index) + ".png";
        }

        String relpath() {
            return "/" + split + "/" + (synthetic ? "synthetic" : "real") + "/" + source() + "/" + fileName();
        }
    }

    /** The items of every split, in file order; the shortcut cue is drawn here from the seed. */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (String split : List.of("train", "val")) {
            int n = split.equals("train") ? trainPerClass : valPerClass;
            Random cues = Seeds.random(seed, 1, split.hashCode());
            for (int i = 0; i < n; i++) {
                items.add(new Item(split, false, TRAIN_STYLE, null, i, cues.nextDouble() < 1 - shortcutRate));
            }
            for (int i = 0; i < n; i++) {
                GeneratorFamily g = TRAIN_GENERATORS.get(i % TRAIN_GENERATORS.size());
                items.add(new Item(split, true, TRAIN_STYLE, g, i, cues.nextDouble() < shortcutRate));
            }
        }
        Random cues = Seeds.random(seed, 2);
        for (AuthenticStyle style : TEST_STYLES) {
            for (int i = 0; i < testPerSource; i++) {
                items.add(new Item("test", false, style, null, i, cues.nextDouble() < 1 - testShortcutRate));
            }
        }
        for (GeneratorFamily g : TEST_GENERATORS) {
            for (int i = 0; i < testPerSource * TEST_STYLES.size() / TEST_GENERATORS.size(); i++) {
                // each generator's faces alternate between the test styles, so style says nothing about the label
                items.add(new Item("test", true, TEST_STYLES.get(i % TEST_STYLES.size()), g, i,
                        cues.nextDouble() < testShortcutRate));
            }
        }
        return items;
    }

    /** An image with its face and the regions its annotators were shown. */
    record Rendered(Face face, Raster image, List<Region> salient) {}

    /** Renders one item (deterministic for seed and item). */
    Rendered render(Item item) {
        Random rng = Seeds.random(seed, item.split().hashCode(), item.source().hashCode(), item.index());
        Face face = new Face(rng, size);
        Raster r = FaceRenderer.render(face, item.style(), rng);
        if (item.family() != null) {
            item.family().apply(r, face, rng);
        }
        if (item.cue()) {
            Shortcut.apply(r, face);
        }
        for (int i = 0; i < r.rgb.length; i++) {
            r.rgb[i] += (float) (rng.nextGaussian() * item.style().noise);
        }
        List<Region> salient = item.family() != null ? item.family().tellRegions(face) : face.inspected();
        return new Rendered(face, r, salient);
    }

    /**
     * Writes {@code out/split.csv}, {@code out/images/...}, {@code out/maps/NAME.<k>.png} (one per
     * annotator) and {@code out/benchmark.json}.
     */
    public void write(Path out, PrintStream console) throws IOException {
        List<Item> items = items();
        AtomicInteger done = new AtomicInteger();
        try (ProgressBar bar = new ProgressBar("generating benchmark", items.size(), "img", console)) {
            IntStream.range(0, items.size()).parallel().forEach(k -> {
                Item item = items.get(k);
                Rendered r = render(item);
                Random annotatorRng = Seeds.random(seed, 3, item.fileName().hashCode());
                try {
                    ImageFiles.writePng(r.image().toImage(), out.resolve("images" + item.relpath()));
                    List<RgbImage> maps = Annotators.maps(r.face(), r.salient(), annotatorRng);
                    String stem = item.fileName().substring(0, item.fileName().length() - 4);
                    for (int a = 0; a < maps.size(); a++) {
                        ImageFiles.writePng(maps.get(a), out.resolve("maps").resolve(stem + "." + (a + 1) + ".png"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.step(1, null);
                done.incrementAndGet();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder csv = new StringBuilder();
        for (Item item : items) {
            csv.append(item.split()).append(',').append(item.synthetic() ? "Synthetic" : "Real").append(',')
                    .append(item.relpath()).append('\n');
        }
        AtomicFiles.writeString(out.resolve("split.csv"), csv.toString());
        Json.write(out.resolve("benchmark.json"), description(items));
    }

    /** Identifies the benchmark's content: equal fingerprints, equal files. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "v1 size=%d seed=%d train=%d val=%d test=%d shortcut=%s test_shortcut=%s",
                size, seed, trainPerClass, valPerClass, testPerSource, shortcutRate, testShortcutRate);
    }

    private Map<String, Object> description(List<Item> items) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("fingerprint", fingerprint());
        d.put("seed", seed);
        d.put("size", size);
        d.put("shortcut", "watermark-like mark in the bottom-right corner (frame +" + Shortcut.AMPLITUDE + ", core -" + Shortcut.AMPLITUDE + " gray levels)");
        d.put("shortcut_rate_train_val", Map.of("synthetic", shortcutRate, "real", 1 - shortcutRate));
        d.put("shortcut_rate_test", Map.of("synthetic", testShortcutRate, "real", 1 - testShortcutRate));
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
     * source, shortcut on 90 % of synthetic train/val images and 10 % of synthetic test images.
     */
    public static final class Builder {
        private int size = 64;
        private long seed = 1;
        private int trainPerClass = 400;
        private int valPerClass = 100;
        private int testPerSource = 150;
        private double shortcutRate = 0.9;
        private double testShortcutRate = 0.1;

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
