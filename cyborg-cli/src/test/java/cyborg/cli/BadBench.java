package cyborg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the {@link Toy} benchmark (split.csv and images) in which the first image of one
 * split is replaced by a bad file, for the corpus cases of commands that read a data set.
 */
final class BadBench {
    final Path csv;
    final Path images;
    /** The bad file, as the CSV names it. */
    final Path bad;

    private BadBench(Path csv, Path images, Path bad) {
        this.csv = csv;
        this.images = images;
        this.bad = bad;
    }

    /** Copies the toy benchmark to {@code dir/name} and puts {@code content} in place of the first {@code split} image. */
    static BadBench of(Path dir, String name, String split, String fileName, byte[] content) throws IOException {
        Path root = dir.resolve(name);
        Path images = root.resolve("images");
        copyTree(Toy.data().resolve("images"), images);
        List<String> rows = new ArrayList<>(Files.readAllLines(Path.of(Toy.csv())));
        Path bad = null;
        for (int i = 0; i < rows.size() && bad == null; i++) {
            String[] f = rows.get(i).split(",", 3);
            if (f[0].equals(split)) {
                Path original = images.resolve(f[2].substring(1));
                Files.delete(original);
                bad = Files.write(original.resolveSibling(fileName), content);
                String relpath = f[2].substring(0, f[2].lastIndexOf('/') + 1) + fileName;
                rows.set(i, f[0] + "," + f[1] + "," + relpath);
            }
        }
        if (bad == null) {
            throw new IllegalStateException("no " + split + " row in " + Toy.csv());
        }
        Path csv = Files.write(root.resolve("split.csv"), rows);
        return new BadBench(csv, images, bad);
    }

    /** {@code --csv FILE --images DIR}. */
    String[] data() {
        return new String[] {"--csv", csv.toString(), "--images", images.toString()};
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
