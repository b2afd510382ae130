package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The measure commands print scikit-image's values for the golden maps of cyborg-core. */
class MeasureCommandTest {
    private static final Path GOLDEN = Path.of("../cyborg-core/src/test/resources/cyborg/explain/golden/maps");

    @Test
    void entropyPrintsBitsAndNormalisedValuesPerFile() {
        Cli r = Cli.run("measure", "entropy", GOLDEN.resolve("blob_7x7.png").toString());
        assertEquals(0, r.status, r.toString());
        String[] row = r.out.strip().split("\n")[1].split(",");
        // skimage.measure.shannon_entropy on blob_7x7.png (scikit-image 0.19.3)
        assertEquals(5.492260864523372, Double.parseDouble(row[1]), 1e-9);
        assertEquals(0.9781913967076722, Double.parseDouble(row[2]), 1e-9);
    }

    @Test
    void ssimPrintsTheStructuralSimilarity() {
        Cli r = Cli.run("measure", "ssim", GOLDEN.resolve("two_values_7x7.png").toString(),
                GOLDEN.resolve("distinct_7x7.png").toString());
        assertEquals(0, r.status, r.toString());
        assertEquals(0.11282917758596027, Double.parseDouble(r.out.strip()), 1e-9);
    }

    @Test
    void mapsOfDifferentSizesAreRefusedWithBothSizes() {
        Cli r = Cli.run("measure", "ssim", GOLDEN.resolve("blob_7x7.png").toString(),
                GOLDEN.resolve("blob_10x10.png").toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("7x7") && r.err.contains("10x10"), r.err);
    }
}
