package cyborg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("plot.svg");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void writtenFileKeepsNormalPermissions() throws IOException {
        Path target = dir.resolve("model.json");
        AtomicFiles.writeString(target, "{}");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(target);
        org.junit.jupiter.api.Assertions.assertTrue(
                perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                        || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "owner-only permissions leaked from the temporary file: " + perms);
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("runs/run-1/roc.svg");
        AtomicFiles.write(target, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
    }

    @Test
    void failedWriteKeepsOldFileAndRemovesTemporaryFile() throws IOException {
        Path target = dir.resolve("plot.svg");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aFullDiskIsReportedNamingTheTargetAsGiven() {
        Path target = dir.resolve("model.safetensors");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device"); // what FileOutputStream says, without a path
        }));
        assertEquals(target + ": no space left on the device; free some space or write elsewhere", e.getMessage());
    }

    @Test
    void aFolderWhereTheFileGoesIsReportedNamingIt() throws IOException {
        Path target = Files.createDirectories(dir.resolve("scores.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(target + ": is a folder where a file is expected; remove it or choose another file name",
                e.getMessage());
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void aFileWhereAFolderGoesIsReportedNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x");
        Path target = file.resolve("run/model.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "{}"));
        assertEquals(target + ": " + file + " is a file where a folder is expected; remove it or choose another path",
                e.getMessage());
    }

    @Test
    void aLongNameThatFitsTheFileSystemIsWritten() throws IOException {
        Path target = dir.resolve("x".repeat(250) + ".csv");
        AtomicFiles.writeString(target, "x");
        assertEquals("x", Files.readString(target));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
