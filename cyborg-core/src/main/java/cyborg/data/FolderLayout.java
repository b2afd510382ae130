package cyborg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the folder layout {@code ROOT/real/<source>/*} and {@code ROOT/synthetic/<generator>/*}
 * ({@code 0_real} and {@code 1_fake} also name the classes; images directly in a class folder get
 * the class folder's name as source). When ROOT has {@code train}, {@code val} or {@code test}
 * sub-folders, each holds that split in the same layout; otherwise every image is in
 * {@code defaultSplit}.
 */
public final class FolderLayout {
    private FolderLayout() {}

    /** The samples under {@code root}, in a stable (sorted) order. */
    public static List<Sample> read(Path root, String defaultSplit) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder; expected ROOT/real/<source>/* and ROOT/synthetic/<generator>/*");
        }
        List<Sample> samples = new ArrayList<>();
        boolean hasSplits = false;
        for (String split : List.of(Splits.TRAIN, Splits.VAL, Splits.TEST)) {
            Path dir = root.resolve(split);
            if (Files.isDirectory(dir)) {
                hasSplits = true;
                readClasses(dir, split, samples);
            }
        }
        if (!hasSplits) {
            readClasses(root, defaultSplit, samples);
        }
        if (samples.isEmpty()) {
            throw new IOException(root + ": no images found; expected ROOT/real/<source>/*.png and"
                    + " ROOT/synthetic/<generator>/*.png (or 0_real / 1_fake)");
        }
        return samples;
    }

    private static void readClasses(Path dir, String split, List<Sample> out) throws IOException {
        for (Path classDir : sortedChildren(dir)) {
            Optional<Label> label = Label.ofFolder(classDir.getFileName().toString());
            if (label.isEmpty() || !Files.isDirectory(classDir)) {
                continue;
            }
            String classSource = classDir.getFileName().toString();
            try (Stream<Path> files = Files.walk(classDir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(ImageExtensions::isImage)
                        .sorted().toList()) {
                    Path rel = classDir.relativize(f);
                    String source = rel.getNameCount() > 1 ? rel.getName(0).toString() : classSource;
                    out.add(new Sample(f.toString(), f, label.get(), source, split, new Origin(f, 0)));
                }
            }
        }
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(Path::toString)).toList();
        }
    }
}
