package cyborg.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the folder layout {@code ROOT/real/<source>/*} and {@code ROOT/synthetic/<generator>/*}
 * ({@code 0_real} and {@code 1_fake} also name the classes; images directly in a class folder get
 * the class folder's name as source). When ROOT has {@code train}, {@code val} or {@code test}
 * sub-folders, each holds that split in the same layout; otherwise every image is in
 * {@code defaultSplit}. Whatever does not fit the layout is recorded in {@link IgnoredFiles}, for
 * the commands to report.
 */
public final class FolderLayout {
    private static final Set<String> SPLIT_FOLDERS = Set.of(Splits.TRAIN, Splits.VAL, Splits.TEST);

    private FolderLayout() {}

    /**
     * The images of a folder layout and what was passed over.
     *
     * @param samples the images, in a stable (sorted) order; never empty
     * @param ignored the files and folders that are not part of the layout
     */
    public record Scan(List<Sample> samples, IgnoredFiles ignored) {}

    /**
     * Scans {@code root}, stopping at the first image name that is not a readable file (a dangling
     * link, a pipe).
     *
     * @throws IOException naming {@code root}, and what was ignored, when it holds no usable image
     */
    public static Scan scan(Path root, String defaultSplit) throws IOException {
        return scan(root, defaultSplit, SkipReport.failFast());
    }

    /**
     * Scans {@code root}; an image name that is not a readable file (a dangling link, a pipe) is
     * thrown or counted in {@code skips}, as an unreadable image of a split file is.
     *
     * @throws IOException naming {@code root}, and what was ignored, when it holds no usable image
     */
    public static Scan scan(Path root, String defaultSplit, SkipReport skips) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder; expected ROOT/real/<source>/* and ROOT/synthetic/<generator>/*");
        }
        List<Sample> samples = new ArrayList<>();
        IgnoredFiles ignored = new IgnoredFiles();
        boolean hasSplits = SPLIT_FOLDERS.stream().anyMatch(s -> Files.isDirectory(root.resolve(s)));
        if (hasSplits) {
            for (String split : List.of(Splits.TRAIN, Splits.VAL, Splits.TEST)) {
                if (Files.isDirectory(root.resolve(split))) {
                    readClasses(root, root.resolve(split), split, samples, ignored, skips);
                }
            }
            for (Path child : sortedChildren(root)) {
                String name = child.getFileName().toString();
                boolean folder = Files.isDirectory(child);
                if (folder && Label.ofFolder(name).isPresent()) {
                    ignored.shadowedClassFolder(name);
                } else if (!folder || !SPLIT_FOLDERS.contains(name)) {
                    passOver(root, child, ignored);
                }
            }
        } else {
            readClasses(root, root, defaultSplit, samples, ignored, skips);
        }
        if (samples.isEmpty()) {
            throw new IOException(root + ": no images found" + ignored.note().map(n -> " (" + n + ")").orElse("")
                    + "; expected ROOT/real/<source>/*.png and ROOT/synthetic/<generator>/*.png (or 0_real / 1_fake)");
        }
        return new Scan(samples, ignored);
    }

    private static void readClasses(Path root, Path dir, String split, List<Sample> out, IgnoredFiles ignored,
            SkipReport skips) throws IOException {
        for (Path classDir : sortedChildren(dir)) {
            Optional<Label> label = Label.ofFolder(classDir.getFileName().toString());
            if (label.isEmpty() || !Files.isDirectory(classDir)) {
                passOver(root, classDir, ignored);
                continue;
            }
            String classSource = classDir.getFileName().toString();
            for (Path f : files(classDir)) {
                if (!ImageExtensions.isImage(f)) {
                    ignored.notImage(relative(root, f));
                    continue;
                }
                if (!Files.isRegularFile(f)) {
                    // once dropped without a word, unlike a .heic beside it
                    BadInputReason reason = NotAFile.isDanglingLink(f) ? BadInputReason.MISSING_FILE
                            : BadInputReason.BAD_IMAGE;
                    skips.handle(new BadInputException(new Origin(f, 0), reason, "the image "
                            + NotAFile.describe(f)));
                    continue;
                }
                Path rel = classDir.relativize(f);
                String source = rel.getNameCount() > 1 ? rel.getName(0).toString() : classSource;
                out.add(new Sample(f.toString(), ImageId.of(root, f), f, label.get(), source, split, new Origin(f, 0)));
            }
        }
    }

    private static void passOver(Path root, Path p, IgnoredFiles ignored) {
        if (Files.isDirectory(p)) {
            ignored.otherFolder(relative(root, p));
        } else {
            ignored.outsideClassFolder(relative(root, p));
        }
    }

    /**
     * The entries below {@code dir} that are not folders, sorted: files, and links that lead
     * nowhere, pipes and the like, for the caller to count; folder links are followed (a class
     * folder may be one).
     */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(f -> !Files.isDirectory(f)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw new IOException(dir + ": cannot list the folder (" + e.getCause().getMessage()
                    + "); check its permissions and links", e);
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(Path::toString)).toList();
        }
    }
}
