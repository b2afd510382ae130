package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Named pipes and PRIVATE device nodes made under a test's temporary folder, never the system's
 * {@code /dev/null} or {@code /dev/full} (a bug that replaced those with a regular file would break
 * the machine). Making a device node needs root, as here and in CI: run as root, a failure to make
 * one fails the test; run as another user, the test is skipped. (cyborg-core's tests have the same
 * helper; test classes are not shared between modules.)
 */
final class SpecialFiles {
    private SpecialFiles() {}

    /** A named pipe at {@code path} (mkfifo). */
    static Path fifo(Path path) throws IOException {
        run("mkfifo", path.toString());
        return path;
    }

    /** A character device node at {@code path}: 1,3 is the null device, 1,7 the full one (mknod). */
    static Path charDevice(Path path, int major, int minor) throws IOException {
        run("mknod", path.toString(), "c", Integer.toString(major), Integer.toString(minor));
        return path;
    }

    /** Whether {@code path} is still a special file (not replaced by a regular one). */
    static boolean isOther(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(p.getInputStream().readAllBytes()).trim();
            int status = p.waitFor();
            String failed = String.join(" ", command) + " failed (" + said + ")";
            assumeTrue(status == 0 || "root".equals(System.getProperty("user.name")), failed + "; needs root");
            assertEquals(0, status, failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
