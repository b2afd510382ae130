package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cyborg score --out} onto what is not a plain file, through the launcher: a symbolic link
 * (its target gets the scores, the link stays), a named pipe (its reader gets them, the pipe stays)
 * and a PRIVATE full device node made under the suite's folder (never the system's /dev/full):
 * one error line naming it, the node left a device.
 */
class OutputsIT {
    private static final Path DIR = Product.WORK.resolve("outputs");

    @BeforeAll
    static void fresh() throws IOException {
        Product.deleteTree(DIR);
        Files.createDirectories(DIR);
    }

    @AfterAll
    static void stop() {
        Product.stopAll();
    }

    @Test
    @Covers("score")
    void scoreOntoASymlinkWritesTheLinksTargetAndKeepsTheLink() throws IOException {
        Path target = Files.createDirectories(DIR.resolve("elsewhere")).resolve("scores.csv");
        Path link = Files.createSymbolicLink(DIR.resolve("scores-link.csv"), target);
        score("score-symlink", link).ok();
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a regular file");
        assertEquals(Fixture.scores(), Fixture.readScores(target));
    }

    @Test
    @Covers("score")
    void scoreOntoANamedPipeWritesThroughToItsReader() throws Exception {
        Path fifo = DIR.resolve("scores.fifo");
        make("mkfifo", fifo.toString());
        Path received = DIR.resolve("received.csv");
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                Files.write(received, Files.readAllBytes(fifo));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Product.Run run = score("score-fifo", fifo);
        try {
            reader.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            try (OutputStream release = Files.newOutputStream(fifo)) {
                release.flush(); // ends the waiting reader
            }
            throw new AssertionError("the pipe's reader got nothing\n" + run.describe(), e);
        }
        run.ok();
        assertTrue(special(fifo), "the pipe was replaced by a regular file");
        assertEquals(Fixture.scores(), Fixture.readScores(received));
    }

    @Test
    @Covers("score")
    void scoreOntoAFullDeviceFailsNamingIt() throws IOException {
        Path full = DIR.resolve("full-device");
        make("mknod", full.toString(), "c", "1", "7");
        Product.Run run = score("score-full", full);
        assertNotEquals(0, run.exit(), run.describe());
        assertTrue(run.stderr().contains("error: " + full + ": no space left on the device"), run.describe());
        assertTrue(!run.stderr().contains("\tat "), "no stack trace\n" + run.describe());
        assertTrue(special(full), "the device node was replaced by a regular file");
    }

    private static Product.Run score(String name, Path out) {
        return Product.cyborg(name, "score", "--model", Fixture.model().toString(), "--csv", Fixture.CSV.toString(),
                "--images", Fixture.IMAGES.toString(), "--out", out.toString());
    }

    private static boolean special(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    /** mkfifo or mknod (which needs root, as the suite has here and in CI). */
    private static void make(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
