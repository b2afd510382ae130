package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What {@code --out} names: an input of the same command (refused before any work, the input
 * untouched), a full device (no space, named), a folder holding an earlier run's outputs of another
 * form (refused, nothing deleted), and the outputs that must be written right rather
 * than replaced by a regular file: a symbolic link (its target gets the scores), a named pipe (its
 * reader gets them), a null device (stays a device). Device nodes are private ones made under the
 * test's folder ({@link SpecialFiles}).
 */
class OutputBadInputTest extends BadInputCorpus {
    @Override
    List<BadInput> cases(Path dir) throws IOException {
        Path csv = Files.copy(Path.of(Toy.csv()), dir.resolve("in.csv"));
        Path linkToCsv = Files.createSymbolicLink(dir.resolve("link-to-in.csv"), csv);
        Path full = SpecialFiles.charDevice(dir.resolve("full-device"), 1, 7);
        Path model = copyOfToyModel(dir.resolve("own-model"));
        Path trained = copyOfToyModel(dir.resolve("init-model"));
        Path csvRun = dir.resolve("csv-run");
        Cli earlier = Cli.run(spark(csvRun, "csv"));
        assertEquals(0, earlier.status, earlier.toString());
        Path db = dir.resolve("annotations.db");
        Cli made = Cli.run("annotate", "add-annotator", "--db", db.toString(), "ann1");
        assertEquals(0, made.status, made.toString());
        return List.of(
                BadInput.fails("annotate export --jsonl is the database", "annotations.db",
                        "both an output (--jsonl) and an input (--db)", "annotate", "export", "--db", db.toString(),
                        "--maps", dir.resolve("exported").toString(), "--jsonl", db.toString()),
                BadInput.fails("spark score into the folder of an earlier run (--mode error, the default)", "scores.csv",
                        "already holds errors.csv, scores-detail.csv, scores.csv; choose a new --out",
                        spark(csvRun, "parquet")),
                BadInput.fails("spark score --mode overwrite, parquet into the folder of a csv run", "scores.csv",
                        "of an earlier run, which this parquet run would not replace",
                        java.util.stream.Stream.concat(java.util.Arrays.stream(spark(csvRun, "parquet")),
                                java.util.stream.Stream.of("--mode", "overwrite")).toArray(String[]::new)),
                BadInput.fails("score --out is the input csv", "in.csv", "both an output (--out) and an input (--csv)",
                        score(csv.toString(), csv)),
                BadInput.fails("score --out is a link to the input csv", "link-to-in.csv", "an input (--csv",
                        score(csv.toString(), linkToCsv)),
                BadInput.fails("score --out is a full device", "full-device", "no space left on the device",
                        score(Toy.csv(), full)),
                BadInput.fails("export --out is the model's own weights", "model.safetensors",
                        "an input (--model)", "export", "--model", model.toString(), "--format", "safetensors",
                        "--out", model.resolve("model.safetensors").toString()),
                BadInput.fails("train --init in the --out folder", "model.safetensors", "an input (--init)",
                        ToyTraining.args(trained, "--loss", "ce", "--init",
                                trained.resolve("model.safetensors").toString())));
    }

    @Test
    void scoreOntoItsInputCsvLeavesTheCsvUnchanged() throws IOException {
        Path csv = Files.copy(Path.of(Toy.csv()), dir.resolve("kept.csv"));
        String before = Files.readString(csv);
        Cli r = Cli.run(score(csv.toString(), csv));
        assertEquals(1, r.status, r.toString());
        assertEquals(before, Files.readString(csv), "the split file was overwritten");
    }

    @Test
    void scoreOntoASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path target = dir.resolve("elsewhere/scores.csv");
        Files.createDirectories(target.getParent());
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), target);
        Cli r = Cli.run(score(Toy.csv(), link));
        assertEquals(0, r.status, r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a regular file");
        assertEquals(testRows(), Files.readAllLines(target).size());
    }

    @Test
    void scoreOntoANamedPipeWritesThroughToItsReader() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("scores.fifo"));
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllLines(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Cli r = Cli.run(score(Toy.csv(), fifo));
        try {
            List<String> rows = reader.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.status, r.toString());
            assertEquals(testRows(), rows.size(), "the pipe's reader must get every score\n" + r);
            assertTrue(SpecialFiles.isOther(fifo), "the pipe was replaced by a regular file");
        } catch (TimeoutException e) {
            release(fifo);
            throw new AssertionError("the pipe's reader got nothing (was the pipe replaced?)\n" + r, e);
        }
    }

    @Test
    void scoreOntoANullDeviceKeepsTheDevice() throws IOException {
        Path nul = SpecialFiles.charDevice(dir.resolve("null-device"), 1, 3);
        Cli r = Cli.run(score(Toy.csv(), nul));
        assertEquals(0, r.status, r.toString());
        assertTrue(SpecialFiles.isOther(nul), "the device node was replaced by a regular file");
    }

    private static String[] score(String csv, Path out) {
        return new String[] {"score", "--model", Toy.model().toString(), "--csv", csv, "--images", Toy.images(),
            "--out", out.toString()};
    }

    private static String[] spark(Path out, String format) {
        return new String[] {"spark", "score", "--master", "local[1]", "--model", Toy.model().toString(), "--csv",
            Toy.csv(), "--images", Toy.images(), "--format", format, "--out", out.toString()};
    }

    /** The rows {@code score} writes: the toy split's test rows. */
    private static int testRows() throws IOException {
        return (int) Files.readAllLines(Path.of(Toy.csv())).stream().filter(l -> l.startsWith("test,")).count();
    }

    private static Path copyOfToyModel(Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of("model.safetensors", "model.json")) {
            Files.copy(Toy.model().resolve(name), to.resolve(name));
        }
        return to;
    }

    /** Opens the pipe for writing so that a reader still waiting on it ends. */
    private static void release(Path fifo) throws IOException {
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.flush();
        }
    }
}
