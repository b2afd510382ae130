package cyborg.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class SweepTableTest {
    @TempDir
    Path dir;

    private static final String GRID = """
            {"datasets": [{"name": "d", "synth": {"seed": 1}}], "archs": ["smallresnet"],
             "losses": ["ce", "cyborg"], "seeds": [1, 2], "explain": {"images": 2}}
            """;

    private static RunResult result(String loss, long seed, double valAuc, double openAuc, double gen, int[]... maps) {
        RunResult r = ModelSelectionTest.run("d-smallresnet-" + loss + "-s" + seed, valAuc, 2.0 + seed);
        r.dataset = "d";
        r.arch = "smallresnet";
        r.loss = loss;
        r.lossSpec = loss;
        r.seed = seed;
        r.openAuc = openAuc;
        r.perSource = new LinkedHashMap<>(Map.of("gan", gen, "studio", 0.5));
        r.explain = new LinkedHashMap<>(Map.of("entropy", 0.5 + seed / 10.0));
        r.maps = new RunResult.FeatureMaps();
        r.maps.width = 2;
        r.maps.height = 2;
        r.maps.images = List.of("/a.png", "/b.png");
        r.maps.values = List.of(maps);
        return r;
    }

    @Test
    void poolsSeedsPerArchitectureAndLossWithPopulationStd() throws Exception {
        Grid grid = Grid.parse(dir.resolve("g.json"), GRID);
        int[] m1 = {0, 50, 100, 255};
        int[] m2 = {255, 100, 50, 0};
        List<RunResult> results = List.of(
                result("ce", 1, 0.6, 0.50, 0.4, m1, m1),
                result("ce", 2, 0.8, 0.60, 0.6, m1, m1),
                result("cyborg", 1, 0.7, 0.70, 0.9, m1, m2));
        SweepTable t = new SweepTable(grid, results, List.of("d-smallresnet-cyborg-s2: no result"),
                ModelSelection.parse("val-auc"));
        String table = t.aucTable();
        assertTrue(table.contains("| d | smallresnet | ce | 2 | 0.700 ± 0.100 | 0.550 ± 0.050 |"), table);
        assertTrue(table.contains("| d | smallresnet | cyborg | 1 | 0.700 | 0.700 |"), table);
        assertTrue(t.sourceTables().contains("| smallresnet | ce | 0.500 ± 0.100 | 0.500 ± 0.000 |"), t.sourceTables());

        // identical maps across ce's seeds: Pearson 1 (2x2 maps are under SSIM's 7x7 window)
        SweepTable.Group ce = t.groups().get(0);
        assertEquals("pearson", ce.stability().measure());
        assertEquals(1.0, ce.stability().mean(), 1e-12);
        assertEquals(1.0, t.runStability().get("d-smallresnet-ce-s1"), 1e-12);
        assertNull(t.groups().get(1).stability(), "one seed has no stability across seeds");
        assertTrue(Double.isNaN(t.runStability().get("d-smallresnet-cyborg-s1")));
        assertTrue(t.explainTable().contains("| d | smallresnet | ce | 0.650 ± 0.050 |"), t.explainTable());

        assertEquals("d-smallresnet-ce-s2", t.selection().selected());
        t.write(dir);
        String md = Files.readString(dir.resolve("results.md"));
        assertTrue(md.contains("selected: d-smallresnet-ce-s2"), md);
        assertTrue(md.contains("3 of 4 runs finished"), md);
        assertTrue(md.contains("- d-smallresnet-cyborg-s2: no result"), md);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(3, csv.size());
        String[] cells = csv.get(1).split(",");
        assertEquals(List.of("d", "smallresnet", "ce", "2"), List.of(cells).subList(0, 4));
        assertEquals(0.7, Double.parseDouble(cells[4]), 1e-12);
        assertEquals(0.1, Double.parseDouble(cells[5]), 1e-12);
        assertEquals(0.55, Double.parseDouble(cells[6]), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = Json.read(dir.resolve("results.json"), Map.class);
        assertEquals(3.0, json.get("runs_finished"));
        assertEquals("d-smallresnet-ce-s2", ((Map<?, ?>) json.get("selection")).get("selected"));
    }
}
