package cyborg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder given where a file is read: the OS says only "Is a directory", naming neither the path
 * nor the option. This says which option takes what kind of file, and names the CSV files the
 * folder holds, since the file meant is often one of them.
 */
public final class FolderGiven {
    private static final int NAMED = 3;

    private FolderGiven() {}

    /**
     * Fails when {@code path} is a folder.
     *
     * @param option the option that named it, e.g. {@code --csv}
     * @param takes what the option takes, e.g. "a split file (no header, rows split,class,relpath)"
     */
    public static void refuse(Path path, String option, String takes) throws IOException {
        if (!Files.isDirectory(path)) {
            return;
        }
        List<String> csvs;
        try (Stream<Path> files = Files.list(path)) {
            csvs = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        } catch (IOException unreadable) {
            csvs = List.of();
        }
        String hint = switch (csvs.size()) {
            case 0 -> "give the file's path";
            case 1 -> "it holds " + csvs.get(0) + ": give " + path.resolve(csvs.get(0));
            default -> "it holds " + String.join(", ", csvs.subList(0, Math.min(NAMED, csvs.size())))
                    + (csvs.size() > NAMED ? " and " + (csvs.size() - NAMED) + " more .csv files" : "")
                    + ": give one of them";
        };
        throw new IOException(path + ": is a folder, but " + option + " takes " + takes + "; " + hint);
    }
}
