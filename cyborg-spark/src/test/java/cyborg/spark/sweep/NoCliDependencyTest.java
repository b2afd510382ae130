package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * cyborg-spark sits below the command-line tool: it names no {@code cyborg.cli} class, not even in
 * a string (the sweep used to start its training JVMs with the class name
 * {@code "cyborg.cli.CyborgCommand"}, a dependency no layering check could see). The tool passes
 * its main class to the sweep instead ({@link Sweep.Settings#trainMain}).
 */
class NoCliDependencyTest {
    @Test
    void cyborgSparkNamesNoCliClassNotEvenInAString() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources.resolve("cyborg/spark/sweep")), sources.toAbsolutePath().toString());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("cyborg.cli")) {
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
