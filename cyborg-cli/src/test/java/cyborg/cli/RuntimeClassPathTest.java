package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code ./cyborg} runs: {@code java -jar target/cyborg-cli.jar}, whose manifest Class-Path names
 * jars in {@code target/lib}. The build once only added to lib/, so after a dependency's version
 * changed it held both (jakarta.servlet-api 5.0.0 beside 6.0.0), and lib/ no longer said what runs.
 */
class RuntimeClassPathTest {
    @Test
    void libHoldsExactlyTheJarsTheManifestNamesAndNoStaleOnes() throws IOException {
        Path jar = Path.of("target", "cyborg-cli.jar");
        assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " not built");
        String classPath;
        try (JarFile j = new JarFile(jar.toFile())) {
            classPath = j.getManifest().getMainAttributes().getValue("Class-Path");
        }
        Set<String> named = Arrays.stream(classPath.strip().split(" +")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> files = Files.list(Path.of("target", "lib"))) {
            present = files.map(f -> "lib/" + f.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> stale = new TreeSet<>(present);
        stale.removeAll(named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(present);
        assertEquals(Set.of(), stale, "in target/lib but not on the manifest's Class-Path");
        assertEquals(Set.of(), missing, "on the manifest's Class-Path but not in target/lib");
    }
}
