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

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
