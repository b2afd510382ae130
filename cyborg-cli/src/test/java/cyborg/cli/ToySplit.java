package cyborg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Variants of the {@link Toy} split file and score files made from it, for bad-input cases. */
final class ToySplit {
    private ToySplit() {}

    /** The rows of the toy split file. */
    static List<String> rows() {
        try {
            return Files.readAllLines(Path.of(Toy.csv()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The toy split's rows of {@code split}. */
    static List<String> rows(String split) {
        return rows().stream().filter(r -> r.startsWith(split + ",")).toList();
    }

    /** Writes {@code rows} as a split file. */
    static String write(Path file, List<String> rows) throws IOException {
        return Files.writeString(file, String.join("\n", rows) + "\n").toString();
    }

    /** The toy rows with {@code edit} applied to a copy of the list. */
    static List<String> edited(UnaryOperator<List<String>> edit) {
        return edit.apply(new ArrayList<>(rows()));
    }

    /** Writes a split file of the toy rows with {@code edit} applied. */
    static String edited(Path file, UnaryOperator<List<String>> edit) throws IOException {
        return write(file, edited(edit));
    }

    /** Writes {@code rows} with every non-ASCII character as one ISO-8859-1 byte (not UTF-8). */
    static String latin1(Path file, List<String> rows) throws IOException {
        return Files.write(file, (String.join("\n", rows) + "\n").getBytes(StandardCharsets.ISO_8859_1)).toString();
    }

    /** The score file row of a split row, as 'cyborg score' writes it: image root + relpath. */
    static String scoreRow(String splitRow, double score) {
        return Toy.images() + splitRow.split(",", 3)[2] + "," + score;
    }

    /** A score file scoring {@code rows}, with scores that separate the classes imperfectly. */
    static String scores(Path file, List<String> rows) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double score = (rows.get(i).contains(",Synthetic,") ? 0.6 : 0.3) + (i % 5) * 0.05;
            out.add(scoreRow(rows.get(i), score));
        }
        return write(file, out);
    }

    /**
     * A quick 'cyborg train' command line on {@code data} options: should a bad input get past the
     * checks, the case fails in seconds instead of training a ResNet-50 for 50 epochs.
     */
    static String[] train(String out, String... data) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(data));
        args.addAll(List.of("--arch", "smallresnet", "--size", "32", "--epochs", "1", "--batch", "8", "--loss", "ce",
                "--out", out));
        return args.toArray(String[]::new);
    }
}
