package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one-call forms of {@code cyborg measure}: pairs CSV, two folders, entropy of folders. */
class MeasureManyTest {
    private static final Path GOLDEN = Path.of("../cyborg-core/src/test/resources/cyborg/explain/golden/maps");
    // skimage.metrics.structural_similarity (scikit-image 0.19.3), as in MeasureCommandTest
    private static final double TWO_VALUES_VS_DISTINCT = 0.11282917758596027;

    @TempDir
    Path tmp;

    private Path copy(String golden, String to) throws IOException {
        Path p = tmp.resolve(to);
        Files.createDirectories(p.getParent());
        return Files.copy(GOLDEN.resolve(golden), p);
    }

    private static List<String> lines(String out) {
        return out.strip().lines().toList();
    }

    @Test
    void pairsCsvPrintsOneRowPerPairInOrderWithPathsRelativeToTheCsv() throws IOException {
        copy("two_values_7x7.png", "maps/x.png");
        copy("distinct_7x7.png", "maps/y.png");
        Path csv = Files.writeString(tmp.resolve("pairs.csv"), "map_a,map_b\nmaps/x.png,maps/y.png\n\nmaps/x.png,maps/x.png\n");
        Cli r = Cli.run("measure", "ssim", "--pairs", csv.toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = lines(r.out);
        assertEquals(3, rows.size(), r.out);
        assertEquals("a,b,ssim", rows.get(0));
        assertTrue(rows.get(1).startsWith("maps/x.png,maps/y.png,"), r.out);
        assertEquals("maps/x.png,maps/x.png,1.0000000000", rows.get(2));
        assertEquals(TWO_VALUES_VS_DISTINCT, Double.parseDouble(rows.get(1).split(",")[2]), 1e-9);
    }

    @Test
    void aHeaderlessPairsCsvMeasuresItsFirstLineToo() throws IOException {
        copy("two_values_7x7.png", "x.png");
        copy("distinct_7x7.png", "y.png");
        Cli r = Cli.run("measure", "ssim", "--pairs", Files.writeString(tmp.resolve("p.csv"), "x.png,y.png\n").toString());
        assertEquals(0, r.status, r.toString());
        assertEquals(2, lines(r.out).size(), r.out);
    }

    @Test
    void aBadPairsLineStopsTheRunNamingTheCsvAndLine() throws IOException {
        copy("blob_7x7.png", "x.png");
        copy("blob_10x10.png", "big.png");
        for (String[] c : new String[][] {{"x.png,x.png,x.png", "expected 2 columns"}, {"x.png,gone.png", "missing file"},
                {"x.png,big.png", "7x7"}}) {
            Path csv = Files.writeString(tmp.resolve("bad.csv"), "x.png,x.png\n" + c[0] + "\n");
            Cli r = Cli.run("measure", "ssim", "--pairs", csv.toString());
            assertEquals(1, r.status, r.toString());
            assertTrue(r.err.contains(csv + ":2: ") && r.err.contains(c[1]) && r.err.strip().lines().count() == 1, r.err);
        }
    }

    @Test
    void skipBadCountsBadPairsOnStderrAndMeasuresTheRest() throws IOException {
        copy("blob_7x7.png", "x.png");
        copy("blob_10x10.png", "big.png");
        Path csv = Files.writeString(tmp.resolve("p.csv"), "x.png,gone.png\nx.png,x.png\nx.png,big.png\nx.png\n");
        Cli r = Cli.run("measure", "ssim", "--pairs", csv.toString(), "--skip-bad");
        assertEquals(0, r.status, r.toString());
        assertEquals(List.of("a,b,ssim", "x.png,x.png,1.0000000000"), lines(r.out));
        assertTrue(r.err.startsWith("skipped 3 inputs:"), r.err);
    }

    @Test
    void dirsPairsTheMapsAtTheSameRelativePathAndCountsTheOthers() throws IOException {
        copy("two_values_7x7.png", "a/s/m.png");
        copy("distinct_7x7.png", "b/s/m.png");
        copy("blob_7x7.png", "a/only.png");
        Cli r = Cli.run("measure", "ssim", "--dirs", tmp.resolve("a").toString(), tmp.resolve("b").toString());
        assertEquals(0, r.status, r.toString());
        List<String> rows = lines(r.out);
        assertEquals(2, rows.size(), r.out);
        assertTrue(rows.get(1).startsWith(tmp.resolve("a/s/m.png") + "," + tmp.resolve("b/s/m.png") + ","), r.out);
        assertEquals(TWO_VALUES_VS_DISTINCT, Double.parseDouble(rows.get(1).split(",")[2]), 1e-9);
        assertTrue(r.err.contains("left out 1 map(s) found only under " + tmp.resolve("a")), r.err);
    }

    @Test
    void entropyOfAFolderMeasuresEveryMapUnderItInPathOrder() throws IOException {
        copy("blob_7x7.png", "maps/b/1.png");
        copy("blob_7x7.png", "maps/a.png");
        copy("noise_7x7.png", "maps/c.jpg");
        Files.writeString(tmp.resolve("maps/notes.txt"), "not a map");
        Cli r = Cli.run("measure", "entropy", tmp.resolve("maps").toString());
        assertEquals(0, r.status, r.toString());
        List<String> files = lines(r.out).stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("a.png", "b/1.png", "c.jpg").stream().map(f -> tmp.resolve("maps").resolve(f).toString()).toList(),
                files);
        // skimage.measure.shannon_entropy on blob_7x7.png (scikit-image 0.19.3)
        assertEquals(5.492260864523372, Double.parseDouble(lines(r.out).get(1).split(",")[1]), 1e-9);
    }

    @Test
    void aFolderWithoutMapsIsAnErrorNotAnEmptyTable() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        Cli r = Cli.run("measure", "entropy", tmp.resolve("empty").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains(tmp.resolve("empty") + ": no map images"), r.err);
    }

    @Test
    void ssimWantsExactlyOneOfTheThreeForms() throws IOException {
        Path csv = Files.writeString(tmp.resolve("p.csv"), "");
        Cli r = Cli.run("measure", "ssim", "--pairs", csv.toString(), GOLDEN.resolve("blob_7x7.png").toString(),
                GOLDEN.resolve("blob_7x7.png").toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("exactly one"), r.err);
    }
}
