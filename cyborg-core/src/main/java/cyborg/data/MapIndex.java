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
    private final Map<String, List<Path>> byStem;

    private MapIndex(Map<String, List<Path>> byStem) {
        this.byStem = byStem;
    }

    /** An index with no maps (training without saliency). */
    public static MapIndex empty() {
        return new MapIndex(Map.of());
    }

    /** Scans {@code mapDir} and its immediate sub-folders. */
    public static MapIndex scan(Path mapDir) throws IOException {
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
        return new MapIndex(byStem);
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
