package cyborg.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Base of the bad-input corpus: each subclass generates, at test time, the bad inputs of one
 * class of failure (score files, splits, images, models, losses, I/O) and lists them as
 * {@link BadInput} cases; every case runs as its own test. The README's <i>Bad input</i> section
 * lists the classes.
 */
abstract class BadInputCorpus {
    @TempDir
    Path dir;

    /** The cases, with whatever files they need written under {@code dir}. */
    abstract List<BadInput> cases(Path dir) throws Exception;

    @TestFactory
    Stream<DynamicTest> corpus() throws Exception {
        return cases(dir).stream().map(c -> DynamicTest.dynamicTest(c.name(), c::check));
    }
}
