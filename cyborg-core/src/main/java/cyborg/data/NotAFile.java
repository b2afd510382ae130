package cyborg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Says what a path that should name an image file is instead, so that a dangling link or a pipe
 * is reported as such rather than dropped, or called missing when the name is there.
 */
final class NotAFile {
    private NotAFile() {}

    /** Whether {@code p} is a link whose target (followed to the end) does not exist. */
    static boolean isDanglingLink(Path p) {
        return Files.isSymbolicLink(p) && !Files.exists(p);
    }

    /** What is wrong with {@code p}, for an error: {@code is a link to T, which does not exist}, and so on. */
    static String describe(Path p) {
        if (isDanglingLink(p)) {
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = "a path";
            }
            return "is a link to " + target + ", which does not exist";
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
            return "is not a regular file (a named pipe, socket or device)";
        }
        return "does not exist";
    }
}
