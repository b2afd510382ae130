package cyborg.synth;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.util.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The file writing every generated task shares: items rendered in parallel, annotator maps by name. */
final class SynthFiles {
    private SynthFiles() {}

    /** Renders and writes one item. */
    @FunctionalInterface
    interface ItemWriter<T> {
        void write(T item) throws IOException;
    }

    /** Writes every item on all cores with a progress bar; the first I/O error is rethrown as it was. */
    static <T> void writeAll(List<T> items, String what, PrintStream console, ItemWriter<T> writer) throws IOException {
        try (ProgressBar bar = new ProgressBar(what, items.size(), "img", console)) {
            IntStream.range(0, items.size()).parallel().forEach(k -> {
                try {
                    writer.write(items.get(k));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.step(1, null);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes the annotators' maps of image {@code fileName} as {@code out/maps/STEM.<k>.png}, k from 1. */
    static void writeMaps(Path out, String fileName, List<RgbImage> maps) throws IOException {
        String stem = fileName.substring(0, fileName.length() - 4);
        for (int a = 0; a < maps.size(); a++) {
            ImageFiles.writePng(maps.get(a), out.resolve("maps").resolve(stem + "." + (a + 1) + ".png"));
        }
    }
}
