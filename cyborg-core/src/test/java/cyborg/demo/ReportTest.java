package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.RunMetrics;
import cyborg.explain.ShortcutReliance;
import cyborg.score.Score;
import cyborg.synth.Benchmark;
import cyborg.synth.GeneratorFamily;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ReportTest {
    /** Two authentic images, two of a family whose mechanism training shows, two of one it never shows. */
    private static final List<Sample> TEST = List.of(
            sample("/t/wild/r1.png", Label.REAL, "wild"), sample("/t/wild/r2.png", Label.REAL, "wild"),
            sample("/t/upsample-nose/s1.png", Label.SYNTHETIC, "upsample-nose"),
            sample("/t/upsample-nose/s2.png", Label.SYNTHETIC, "upsample-nose"),
            sample("/t/droplet/s3.png", Label.SYNTHETIC, "droplet"), sample("/t/droplet/s4.png", Label.SYNTHETIC, "droplet"));

    /** What benchmark.json says of the families: every family with its mechanism, as the generator writes it. */
    static Map<String, Object> description() {
        Map<String, Object> generators = new LinkedHashMap<>();
        for (GeneratorFamily g : GeneratorFamily.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mechanism", g.mechanism().id());
            f.put("mechanism_in_training", Benchmark.mechanismSeenInTraining(g));
            generators.put(g.id(), f);
        }
        return Map.of("generators", generators);
    }

    private static final OpenSetFamilies FAMILIES = OpenSetFamilies.of(description(), "benchmark.json");

    private static Sample sample(String key, Label label, String source) {
        return new Sample(key, Path.of(key), label, source, "test", new Origin(Path.of(key), 0));
    }

    /** The metrics of {@code rows} scored as {@code scores} says of TEST's images (by index). */
    private static RunMetrics metrics(String file, List<Sample> rows, double... scores) throws IOException {
        List<Score> s = new ArrayList<>();
        for (Sample r : rows) {
            s.add(new Score(r.key(), scores[TEST.indexOf(r)]));
        }
        return Evaluation.evaluate(Path.of(file), s, LabelIndex.fromSamples(rows));
    }

    /** One run that scores the six images as given, with the shortcut uncorrelated and reversed. */
    private static SeedOutcome seed(long seed, double valAuc, double[] open, double[] reversed, double[] styles)
            throws IOException {
        List<Sample> shared = FAMILIES.sharedRows(TEST);
        return new SeedOutcome(seed, metrics("o.csv", TEST, open), metrics("r.csv", TEST, reversed),
                metrics("s.csv", shared, open), metrics("sr.csv", shared, reversed),
                styles == null ? null : metrics("st.csv", shared, styles), valAuc,
                ShortcutReliance.of(new double[] {0.9}, new double[] {0.2}), 0.1, 3.0, 0.5, 1.0, new int[] {2, 2},
                new float[4], new float[16], Map.of());
    }

    private static MethodOutcome outcome(String name, double valAuc, double[] open, double[] reversed) throws IOException {
        MethodOutcome o = new MethodOutcome(method(name));
        o.seeds.add(seed(1, valAuc, open, reversed, null));
        return o;
    }

    private static DemoMethod method(String name) {
        return DemoConfig.allMethods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Report report(MethodOutcome... methods) {
        return new Report(DemoConfig.defaults(Path.of("out"), true, 1), List.of(methods), description());
    }

    private static final double[] CHANCE = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};

    @Test
    void theHeadlineAucPoolsTheAuthenticImagesWithTheSharedMechanismFamiliesOnly() throws IOException {
        // upsample-nose (shared) perfectly separated, droplet (unseen) below every authentic image:
        // all families 0.5, shared mechanisms 1.0
        double[] scores = {0.3, 0.4, 0.8, 0.9, 0.1, 0.1};
        MethodOutcome ce = outcome("ce", 0.9, scores, scores);
        assertEquals(List.of(TEST.get(0), TEST.get(1), TEST.get(2), TEST.get(3)), FAMILIES.sharedRows(TEST));
        assertEquals(0.5, ce.auc().mean(), 1e-12);
        assertEquals(1.0, ce.aucShared().mean(), 1e-12);
        Report r = report(ce);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((Map<String, Object>) r.results().get("losses")).get("ce");
        assertEquals(1.0, (Double) row.get("auc_shared_mean"), 1e-12);
        assertEquals(List.of(1.0), row.get("auc_shared_per_seed"));
        assertEquals(1.0, (Double) row.get("auc_shared_reversed_mean"), 1e-12);
        assertEquals(0.5, (Double) row.get("auc_mean"), 1e-12);
        // the headline is the first AUC column, the all-families AUC has its own
        String table = r.table();
        assertTrue(table.startsWith("| method | open-set AUC, shared mechanisms (1 seed) | open-set AUC, all families |"),
                table);
        assertTrue(table.contains("| ce | 1.000 ± 0.000 | 0.500 ± 0.000 |"), table);
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) r.results().get("config");
        assertEquals(List.of("upsample-nose"), cfg.get("shared_mechanism_families"));
    }

    @Test
    void theSharedFamiliesAreReadFromBenchmarkJsonNotFromTheGenerator() {
        // a benchmark whose file says droplet's mechanism is in training and upsample-nose's is not
        Map<String, Object> generators = new LinkedHashMap<>();
        generators.put("upsample-nose", Map.of("mechanism", "upsampling", "mechanism_in_training", false));
        generators.put("droplet", Map.of("mechanism", "droplet", "mechanism_in_training", true));
        OpenSetFamilies f = OpenSetFamilies.of(Map.of("generators", generators), "b.json");
        assertEquals(List.of(TEST.get(0), TEST.get(1), TEST.get(4), TEST.get(5)), f.sharedRows(TEST));
    }

    @Test
    void aSyntheticSourceBenchmarkJsonDoesNotListIsRefusedNotDropped() {
        Sample stray = new Sample("/t/x/s9.png", Path.of("/t/x/s9.png"), Label.SYNTHETIC, "mystery", "test",
                new Origin(Path.of("split.csv"), 17));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FAMILIES.sharedRows(List.of(TEST.get(0), stray)));
        assertTrue(e.getMessage().contains("split.csv:17") && e.getMessage().contains("mystery"), e.getMessage());
    }

    @Test
    void aBenchmarkJsonWithoutMechanismInTrainingIsRefusedNamingTheFileAndKey() {
        Map<String, Object> generators = Map.of("droplet", Map.of("mechanism", "droplet"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenSetFamilies.of(Map.of("generators", generators), "bench/benchmark.json"));
        assertTrue(e.getMessage().contains("bench/benchmark.json") && e.getMessage().contains(
                "generators.droplet.mechanism_in_training"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenSetFamilies.of(Map.of(), "bench/benchmark.json"));
        assertTrue(e.getMessage().contains("bench/benchmark.json"), e.getMessage());
    }

    /** CE, the recommended method, the reference and CE at 4x with every target of the issue met. */
    @Test
    void everyTargetMetIsStatedMetWithItsNumbers() throws IOException {
        MethodOutcome ce = outcome("ce", 0.99, CHANCE, new double[] {0.6, 0.7, 0.65, 0.1, 0.5, 0.5});
        MethodOutcome rec = outcome("cyborg+cf", 0.98, new double[] {0.3, 0.4, 0.8, 0.9, 0.35, 0.35},
                new double[] {0.3, 0.6, 0.7, 0.5, 0.5, 0.5});
        MethodOutcome ceiling = outcome("ceiling", 0.97, new double[] {0.3, 0.4, 0.8, 0.9, 0.1, 0.1}, CHANCE);
        MethodOutcome more = outcome("ce-4x", 0.99, new double[] {0.3, 0.6, 0.7, 0.5, 0.5, 0.5}, CHANCE);
        Claim c = report(ce, rec, ceiling, more).claim();
        assertEquals(1.0, c.auc(), 1e-12);
        assertEquals(0.5, c.margin(), 1e-12);
        assertEquals(0.0, c.overReference(), 1e-12);
        assertEquals(0.75, c.reversedAuc(), 1e-12);
        assertEquals(0.25, c.ceReversedAuc(), 1e-12);
        assertEquals(Map.of("upsample-nose", 1.0), c.sharedFamilies());
        assertEquals(Map.of("droplet", 0.5), c.unseenFamilies());
        assertTrue(c.holds() && c.reference().holds(c.ceAuc()) && c.moreData().beatenBy(c.auc()));
        Map<String, Object> json = c.json();
        assertEquals(true, json.get("holds"));
        assertEquals(true, json.get("within_reference"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ref = (Map<String, Object>) json.get("reference");
        assertEquals(0.97, (Double) ref.get("val_auc_min"), 1e-12);
        assertEquals(true, ref.get("holds"));
        @SuppressWarnings("unchecked")
        Map<String, Object> moreJson = (Map<String, Object>) json.get("more_data");
        assertEquals(0.75, (Double) moreJson.get("auc"), 1e-12);
        assertEquals(0.25, (Double) moreJson.get("recommended_minus_auc"), 1e-12);
        assertEquals(true, moreJson.get("guidance_beats_more_data"));
        String v = c.sentence();
        assertFalse(v.contains("MISSED") || v.contains("NOT"), v);
        for (String part : List.of("lowest validation AUC over runs 0.970 (target at least 0.95 in every run: met)",
                "open-set AUC (shared mechanisms) 1.000 (target 0.85: met)", "upsample-nose 1.000 (target 0.80 each: met)",
                "CE is 0.500 below it (target: at least 0.15 below: met)",
                "is 1.000, above CE's by 0.500 (target: above by 0.10: met)",
                "above the reference's by 0.000 (target: at most 0.03 below: met)",
                "reversed: 0.750 vs CE 0.250 (target: above 0.5 while CE is below: met)",
                "CE with 4x the training data (ce-4x) scores 0.750; cyborg+cf at 1x is above it by 0.250: guidance at 1x"
                        + " beats 4x the data")) {
            assertTrue(v.contains(part), part + " not in: " + v);
        }
    }

    @Test
    void verdictNamesEveryMissedTargetWithItsNumbers() throws IOException {
        // the reference: val AUC 0.93 in one of two runs, shared AUC and its family 0.75, CE level with it
        MethodOutcome ceiling = new MethodOutcome(method("ceiling"));
        double[] threeOfFour = {0.3, 0.6, 0.7, 0.5, 0.1, 0.1};
        ceiling.seeds.add(seed(1, 0.99, threeOfFour, CHANCE, null));
        ceiling.seeds.add(seed(2, 0.93, threeOfFour, CHANCE, null));
        MethodOutcome ce = outcome("ce", 0.99, threeOfFour, new double[] {0.3, 0.6, 0.7, 0.5, 0.1, 0.1});
        MethodOutcome rec = outcome("cyborg+cf", 0.9, CHANCE, CHANCE);
        MethodOutcome more = outcome("ce-4x", 0.99, threeOfFour, CHANCE);
        Claim c = report(ce, rec, ceiling, more).claim();
        assertEquals(0.93, c.reference().valAucMin(), 1e-12);
        assertFalse(c.holds());
        Map<String, Object> json = c.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> ref = (Map<String, Object>) json.get("reference");
        for (String key : List.of("val_auc_holds", "auc_holds", "shared_families_detected", "shortcut_matters", "holds")) {
            assertEquals(false, ref.get(key), key);
        }
        for (String key : List.of("margin_holds", "within_reference", "reversed_holds", "holds")) {
            assertEquals(false, json.get(key), key);
        }
        String v = c.sentence();
        for (String part : List.of("lowest validation AUC over runs 0.930 (target at least 0.95 in every run: MISSED)",
                "open-set AUC (shared mechanisms) 0.750 (target 0.85: MISSED)",
                "upsample-nose 0.750 (target 0.80 each: MISSED)", "CE is 0.000 below it (target: at least 0.15 below: MISSED)",
                "is 0.500, below CE's by 0.250 (target: above by 0.10: MISSED)",
                "below the reference's by 0.250 (target: at most 0.03 below: MISSED)",
                "reversed: 0.500 vs CE 0.750 (target: above 0.5 while CE is below: MISSED)",
                "droplet 0.500", "cyborg+cf at 1x is below it by 0.250: guidance at 1x does NOT beat 4x the data")) {
            assertTrue(v.contains(part), part + " not in: " + v);
        }
        assertEquals(false, ((Map<?, ?>) json.get("more_data")).get("guidance_beats_more_data"));
        assertTrue(v.contains("is only 0.000 above CE: a margin of 0.10 needs"), v);
    }

    @Test
    void targetsAtTheirBoundAreMetDespiteTheRoundingOfTheDifference() {
        // 0.95 - 0.8 is 0.1499999... in doubles and 0.9 - 0.8 is 0.0999999...: both exactly at their targets
        Claim.Reference ref = new Claim.Reference("ceiling", 0.95, 0.95, Map.of("upsample-nose", 0.8));
        assertTrue(ref.holds(0.8), ref.sentence(0.8));
        Claim c = new Claim("cyborg+cf", 0.9, 0.8, Map.of("upsample-nose", 0.8), Map.of(), 0.6, 0.4,
                new Claim.Reference("ceiling", 0.93, 0.95, Map.of("upsample-nose", 0.8)), null);
        assertTrue(c.marginHolds() && c.withinReference() && c.holds(), c.sentence());
        assertFalse(c.json().containsKey("more_data"));
    }

    @Test
    void withoutTheReferenceTheClaimSaysNothingAboutIt() throws IOException {
        MethodOutcome ce = outcome("ce", 0.9, CHANCE, CHANCE);
        MethodOutcome rec = outcome("cyborg+cf", 0.9, new double[] {0.3, 0.6, 0.7, 0.5, 0.45, 0.45}, CHANCE);
        Claim c = report(ce, rec).claim();
        assertTrue(Double.isNaN(c.reachableGain()) && Double.isNaN(c.overReference()));
        assertNull(c.reference());
        assertFalse(c.json().containsKey("minus_ceiling_auc") || c.json().containsKey("reference"));
        assertFalse(c.sentence().contains("reference"), c.sentence());
        // the reference is a row of the table, marked, and never the recommended method
        assertTrue(report(ce, rec, outcome("ceiling", 0.9, CHANCE, CHANCE)).table().contains("| ceiling (reference) |"));
    }

    @Test
    void theUnseenStylesColumnAndKeysAppearOnlyWhenTheBenchmarkHasThem() throws IOException {
        MethodOutcome without = outcome("ce", 0.9, CHANCE, CHANCE);
        Report r = report(without);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((Map<String, Object>) r.results().get("losses")).get("ce");
        assertFalse(row.containsKey("auc_unseen_styles_mean"));
        assertFalse(r.table().contains("unseen styles"));
        assertFalse(((Map<?, ?>) r.results().get("config")).containsKey("auc_unseen_styles_on"));
        MethodOutcome with = new MethodOutcome(method("ce"));
        with.seeds.add(seed(1, 0.9, CHANCE, CHANCE, new double[] {0.3, 0.6, 0.7, 0.5, 0, 0}));
        r = report(with);
        @SuppressWarnings("unchecked")
        Map<String, Object> row2 = (Map<String, Object>) ((Map<String, Object>) r.results().get("losses")).get("ce");
        assertEquals(0.75, (Double) row2.get("auc_unseen_styles_mean"), 1e-12);
        assertTrue(r.table().contains("| unseen styles |") && r.table().contains("| 0.750 ± 0.000 |"), r.table());
        assertTrue(r.perSourceTableUnseenStyles().contains("| upsample-nose | upsampling (in training) | 0.750 ± 0.000 |"),
                r.perSourceTableUnseenStyles());
    }

    @Test
    void validationAucIsReportedPerSeedWithItsMinimum() throws IOException {
        MethodOutcome ce = new MethodOutcome(method("ce"));
        ce.seeds.add(seed(1, 0.97, CHANCE, CHANCE, null));
        ce.seeds.add(seed(2, 0.91, CHANCE, CHANCE, null));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((Map<String, Object>) report(ce).results().get("losses")).get("ce");
        assertEquals(List.of(0.97, 0.91), row.get("val_auc_per_seed"));
        assertEquals(0.94, (Double) row.get("val_auc_mean"), 1e-12);
        assertEquals(0.91, (Double) row.get("val_auc_min"), 1e-12);
        assertTrue(report(ce).table().contains("| 0.910 |"), report(ce).table());
    }

    /** One seed cannot show a margin between rows on this benchmark: the report says so, and only then. */
    @Test
    void aOneSeedReportSaysThatAMarginIsNotYetAnEffect(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        MethodOutcome one = outcome("cyborg+cf", 0.9, CHANCE, CHANCE);
        new Report(DemoConfig.defaults(dir, false, 1), List.of(outcome("ce", 0.9, CHANCE, CHANCE), one), description())
                .write(dir);
        String md = java.nio.file.Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("One training seed per row") && md.contains("`--seeds 3`"), md);
        MethodOutcome two = outcome("cyborg+cf", 0.9, CHANCE, CHANCE);
        two.seeds.add(seed(2, 0.9, CHANCE, CHANCE, null));
        MethodOutcome ce = outcome("ce", 0.9, CHANCE, CHANCE);
        ce.seeds.add(seed(2, 0.9, CHANCE, CHANCE, null));
        new Report(DemoConfig.defaults(dir, false, 1).withSeeds(2), List.of(ce, two), description()).write(dir);
        md = java.nio.file.Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| cyborg+cf |") && !md.contains("One training seed per row"), md);
    }

    @Test
    void recommendingTheReferenceIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DemoConfig(Path.of("out"), 1, 64, 4, 2, 2, List.of(1L), List.of(DemoConfig.CEILING), "ceiling",
                        DemoConfig.defaults(Path.of("out"), true, 1).training()));
        assertTrue(e.getMessage().contains("ceiling"), e.getMessage());
    }

    @Test
    void resultsCarryPerFamilyAucWithMechanismAndTheRecommendedSpec() throws IOException {
        DemoConfig config = DemoConfig.defaults(Path.of("out"), true, 1);
        double[] s = {0.1, 0.2, 0.8, 0.9, 0.3, 0.3};
        Map<String, Object> r = report(outcome("ce", 0.9, s, s)).results();
        @SuppressWarnings("unchecked")
        Map<String, Object> ceRow = (Map<String, Object>) ((Map<String, Object>) r.get("losses")).get("ce");
        @SuppressWarnings("unchecked")
        Map<String, Object> family = (Map<String, Object>) ((Map<String, Object>) ceRow.get("per_family")).get("upsample-nose");
        assertEquals("upsampling", family.get("mechanism"));
        assertEquals(true, family.get("mechanism_in_training"));
        assertEquals(0.7, (Double) ceRow.get("shortcut_reliance"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) r.get("config");
        assertEquals(config.recommendedMethod().loss(), cfg.get("recommended_loss"));
        assertEquals(config.recommendedMethod().extraArgs(), cfg.get("recommended_args"));
    }
}
