package cyborg.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The human map files of a map folder, to be assigned to images by their identity
 * ({@link ImageId}): the map of image {@code train/real/ffhq/0000.jpg} is
 * {@code DIR/train/real/ffhq/0000.png}, an annotator's {@code DIR/train/real/ffhq/0000.<k>.png} or
 * {@code DIR/<annotator>/train/real/ffhq/0000.png} (any image extension). A map named by the file
 * name alone ({@code DIR/0000.png}, {@code DIR/0000.<k>.png}, {@code DIR/<annotator>/0000.png}) is
 * accepted only when one image has that name: matched by name, the maps of
 * {@code real/ffhq/0000.png} were the maps of {@code synthetic/stylegan/0000.png} too.
 */
public final class MapIndex {
    private static final Pattern ANNOTATOR = Pattern.compile("(.+)\\.(\\d+)");
    /** How a map is matched to its image, for messages that find none. */
    public static final String MATCHING = "a map is matched to its image by the image's path under the data root:"
            + " image real/ffhq/0000.jpg takes DIR/real/ffhq/0000.png, the annotators' DIR/real/ffhq/0000.<k>.png or"
            + " DIR/<annotator>/real/ffhq/0000.png (any image extension), or DIR/0000.png when no other image is"
            + " named 0000";
    private final Path dir;
    /** Each map file by its path under the folder without extension, in sorted order. */
    private final Map<String, Path> byStem;

    private MapIndex(Path dir, Map<String, Path> byStem) {
        this.dir = dir;
        this.byStem = byStem;
    }

    /** An index with no maps (training without saliency). */
    public static MapIndex empty() {
        return new MapIndex(null, Map.of());
    }

    /** Scans {@code mapDir} and every folder below it. */
    public static MapIndex scan(Path mapDir) throws IOException {
        if (Files.isRegularFile(mapDir)) {
            throw new IOException(mapDir + ": a file, not a map folder; pass the folder that holds the maps"
                    + " to --maps");
        }
        if (!Files.isDirectory(mapDir)) {
            throw new IOException(mapDir + ": map folder not found; check --maps");
        }
        Map<String, Path> byStem = new TreeMap<>();
        try (Stream<Path> files = Files.walk(mapDir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(ImageExtensions::isImage).sorted().toList()) {
                String relative = mapDir.relativize(f).toString().replace('\\', '/');
                byStem.put(relative.substring(0, relative.length() - ImageExtensions.extension(f).length() - 1), f);
            }
        } catch (UncheckedIOException e) {
            throw new IOException(mapDir + ": cannot list the map folder (" + e.getCause().getMessage()
                    + "); check its permissions", e);
        }
        return new MapIndex(mapDir, byStem);
    }

    /** The scanned folder, as given; null for {@link #empty()}. */
    public Path dir() {
        return dir;
    }

    /**
     * Assigns every map file to the one image among {@code images} it belongs to; maps of no image
     * are passed over.
     *
     * @throws IOException naming the map and both images when a map could belong to two images
     *     (a name shared by images in different folders, or an annotator suffix that is also part
     *     of a name), and saying how to lay the maps out
     */
    public Assignment assign(List<Sample> images) throws IOException {
        Map<String, List<Sample>> byIdStem = new HashMap<>();
        Map<String, List<Sample>> byBareStem = new HashMap<>();
        for (Sample s : images) {
            add(byIdStem, s.id().stem(), s);
            add(byBareStem, s.id().bareStem(), s);
        }
        Map<ImageId, List<Path>> maps = new LinkedHashMap<>();
        List<Path> unmatched = new ArrayList<>();
        for (Map.Entry<String, Path> e : byStem.entrySet()) {
            Set<Sample> byIdentity = new LinkedHashSet<>();
            Set<Sample> byName = new LinkedHashSet<>();
            for (String stem : readings(e.getKey())) {
                byIdentity.addAll(byIdStem.getOrDefault(stem, List.of()));
                if (!stem.contains("/")) {
                    byName.addAll(byBareStem.getOrDefault(stem, List.of()));
                }
            }
            // A map laid out by identity is that image's, whatever other images are called.
            Set<Sample> owners = byIdentity.isEmpty() ? byName : byIdentity;
            if (owners.size() > 1) {
                throw ambiguous(e.getValue(), List.copyOf(owners));
            }
            if (owners.isEmpty()) {
                unmatched.add(e.getValue());
            }
            for (Sample owner : owners) {
                maps.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        return new Assignment(dir, maps, unmatched);
    }

    /**
     * The image stems a map's path can stand for: the path itself; without an annotator suffix
     * {@code .<k>}; and either of those without a first folder, the annotator's.
     */
    private static List<String> readings(String mapStem) {
        List<String> stems = new ArrayList<>(List.of(mapStem));
        int slash = mapStem.lastIndexOf('/');
        Matcher m = ANNOTATOR.matcher(mapStem.substring(slash + 1));
        if (m.matches()) {
            stems.add(mapStem.substring(0, slash + 1) + m.group(1));
        }
        for (String s : List.copyOf(stems)) {
            int first = s.indexOf('/');
            if (first > 0) {
                stems.add(s.substring(first + 1));
            }
        }
        return stems;
    }

    private IOException ambiguous(Path map, List<Sample> owners) {
        String a = owners.get(0).id().path();
        String b = owners.get(1).id().path();
        String more = owners.size() > 2 ? " (and " + (owners.size() - 2) + " more)" : "";
        String bare = owners.get(0).id().bareStem();
        String why = owners.stream().allMatch(o -> o.id().bareStem().equals(bare)) ? "they share the name " + bare
                : "its name reads as either (a number before the extension is an annotator's)";
        return new IOException("human map " + map + " could be the map of " + a + " or of " + b + more
                + ": " + why + "; lay the maps out by each image's"
                + " path under the data root, e.g. " + dir.resolve(ImageOutputs.relative(owners.get(0).id(), ".png"))
                + " and " + dir.resolve(ImageOutputs.relative(owners.get(1).id(), ".png"))
                + " (annotators: <annotator>/" + owners.get(0).id().stem() + ".png)");
    }

    private static void add(Map<String, List<Sample>> index, String key, Sample s) {
        List<Sample> list = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.id().equals(s.id()))) {
            list.add(s);
        }
    }

    /**
     * The maps of each image of a data set, as {@link #assign} found them.
     */
    public static final class Assignment {
        private static final Assignment NONE = new Assignment(null, Map.of(), List.of());
        private final Path dir;
        private final Map<ImageId, List<Path>> maps;
        private final List<Path> unmatched;

        private Assignment(Path dir, Map<ImageId, List<Path>> maps, List<Path> unmatched) {
            this.dir = dir;
            this.maps = maps;
            this.unmatched = unmatched;
        }

        /**
         * The map files that belong to none of the images, in path order: maps of other images, or
         * maps laid out under another root than the images' (e.g. {@code real/...} for images under
         * {@code train/real/...}).
         */
        public List<Path> unmatched() {
            return unmatched;
        }

        /** No image has a map (training without saliency, scoring). */
        public static Assignment none() {
            return NONE;
        }

        /** The map folder, as given; null for {@link #none()}. */
        public Path dir() {
            return dir;
        }

        /** The annotators' maps of {@code image} (empty if it has none), in path order. */
        public List<Path> mapsFor(Sample image) {
            return maps.getOrDefault(image.id(), List.of());
        }
    }
}
