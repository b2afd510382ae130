package cyborg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the human saliency maps of an image by its file name in a map folder: {@code NAME.png}
 * and annotator variants {@code NAME.<k>.png}, at the top level or in one sub-folder per
 * annotator ({@code maps/<annotator>/NAME.png}). Any image extension is accepted.
 */
public final class MapIndex {
    private static final Pattern ANNOTATOR = Pattern.compile("(.+)\\.(\\d+)");
    /** How a map is matched to its image, for messages that find none. */
    public static final String MATCHING = "a map is matched to its image by file name: image NAME.jpg takes"
            + " NAME.png, the annotators' NAME.<k>.png or <annotator>/NAME.png in the map folder (any image extension)";
    private final Path dir;
    private final Map<String, List<Path>> byStem;

    private MapIndex(Path dir, Map<String, List<Path>> byStem) {
        this.dir = dir;
        this.byStem = byStem;
    }

    /** An index with no maps (training without saliency). */
    public static MapIndex empty() {
        return new MapIndex(null, Map.of());
    }

    /** Scans {@code mapDir} and its immediate sub-folders. */
    public static MapIndex scan(Path mapDir) throws IOException {
        if (Files.isRegularFile(mapDir)) {
            throw new IOException(mapDir + ": a file, not a map folder; pass the folder that holds the maps"
                    + " to --maps");
        }
        if (!Files.isDirectory(mapDir)) {
            throw new IOException(mapDir + ": map folder not found; check --maps");
        }
        Map<String, List<Path>> byStem = new HashMap<>();
        try (Stream<Path> files = Files.walk(mapDir, 2)) {
            for (Path f : files.filter(Files::isRegularFile).filter(ImageExtensions::isImage).sorted().toList()) {
                String stem = ImageExtensions.stem(f);
                byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(f);
                Matcher m = ANNOTATOR.matcher(stem);
                if (m.matches()) {
                    byStem.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return new MapIndex(mapDir, byStem);
    }

    /** The scanned folder, as given; null for {@link #empty()}. */
    public Path dir() {
        return dir;
    }

    /** The annotators' maps of {@code image} (empty if it has none). */
    public List<Path> mapsFor(Path image) {
        return byStem.getOrDefault(ImageExtensions.stem(image), List.of());
    }

    /** Number of distinct map files. */
    public long size() {
        return byStem.values().stream().flatMap(List::stream).distinct().count();
    }
}
