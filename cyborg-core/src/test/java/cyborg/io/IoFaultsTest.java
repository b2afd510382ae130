package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

class IoFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderUnderAFileNamesTheFileInTheWay() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("run")));
        assertEquals(file.resolve("run") + ": " + file + " is a file where a folder is expected; remove it or choose"
                + " another path", IoFaults.describe(e));
    }

    @Test
    void aFileWhereAFolderIsCreatedIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file));
        assertEquals(file + " is a file where a folder is expected; remove it or choose another path",
                IoFaults.describe(e));
    }

    @Test
    void anExistingFolderIsSaidToExist() {
        assertEquals(dir + ": already exists; remove it or choose another path",
                IoFaults.describe(new FileAlreadyExistsException(dir.toString())));
    }

    @Test
    void aFullDiskAsTheOsReportsItIsRecognised() throws IOException {
        // A private full device, not the system's /dev/full (see SpecialFiles).
        Path full = SpecialFiles.charDevice(dir.resolve("full"), 1, 7);
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream out = Files.newOutputStream(full)) {
                out.write(new byte[1 << 16]);
            }
        });
        Path target = Path.of("runs", "model.safetensors");
        assertEquals(target + ": no space left on the device; free some space or write elsewhere",
                IoFaults.at(target, e).getMessage());
    }

    @Test
    void readingAFolderAsAFileNamesIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scores.csv"));
        IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(folder));
        assertEquals(folder + ": is a folder where a file is expected; remove it or choose another file name",
                IoFaults.at(folder, e).getMessage());
    }

    @Test
    void aMissingFileKeepsTheReasonItWasGiven() {
        assertEquals("split.csv: split CSV not found; check --csv", IoFaults.describe(
                new UncheckedIOException(new NoSuchFileException("split.csv", null, "split CSV not found; check --csv"))));
        assertEquals("m.json: not found; check the path", IoFaults.describe(new NoSuchFileException("m.json")));
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        IOException e = new IOException("model.json: not valid JSON");
        assertEquals(e, IoFaults.at(Path.of("model.json"), e));
        assertEquals("model.json: not valid JSON", IoFaults.describe(e));
    }

    @Test
    void aFullDiskWrappedInAnErrorIsFoundAndToldNamingTheLocationAsGiven() {
        // Hadoop's FSError and Spark's job failure wrap the IOException; a URI must not be respelled as a Path.
        Throwable wrapped = new RuntimeException("Job aborted", new Error(new IOException("No space left on device")));
        assertEquals("hdfs:///scored/run1: no space left on the device; free some space or write elsewhere",
                IoFaults.inCauses("hdfs:///scored/run1", wrapped, true).orElseThrow().getMessage());
    }

    @Test
    void onlyWriteFaultsAreFoundWhenAskedFor() {
        Throwable missing = new RuntimeException(new NoSuchFileException("model.json"));
        assertTrue(IoFaults.inCauses("out", missing, true).isEmpty());
        assertEquals("out: not found; check the path", IoFaults.inCauses("out", missing, false).orElseThrow().getMessage());
        assertTrue(IoFaults.inCauses("out", new IllegalStateException("no fault"), false).isEmpty());
    }
}
