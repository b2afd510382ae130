package cyborg.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's {@code shared/} directory (sample images that are never copied into the
 * repository) by walking up from the working directory; tests that need it are skipped when it
 * is absent. The system property {@code cyborg.shared.dir} overrides the search (for builds
 * outside the repository tree).
 */
final class SharedData {
    private SharedData() {
    }

    static Optional<Path> locate() {
        String override = System.getProperty("cyborg.shared.dir");
        if (override != null) {
            return Optional.of(Path.of(override)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/<relative>}, or skips the calling test if it does not exist. */
    static Path require(String relative) {
        Optional<Path> shared = locate();
        assumeTrue(shared.isPresent(), "no shared/ directory above " + Path.of("").toAbsolutePath());
        Path p = shared.get().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "missing shared file " + p);
        return p;
    }
}
