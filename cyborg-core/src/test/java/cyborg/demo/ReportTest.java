package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.eval.RunMetrics;
import cyborg.explain.ShortcutReliance;
import cyborg.score.Score;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ReportTest {
    /** Two authentic images, two of a family whose mechanism training shows, two of one it never shows. */
    private static final List<Sample> TEST = List.of(
            sample("/t/studio/r1.png", Label.REAL, "studio"), sample("/t/studio/r2.png", Label.REAL, "studio"),
            sample("/t/upsample-nose/s1.png", Label.SYNTHETIC, "upsample-nose"),
            sample("/t/upsample-nose/s2.png", Label.SYNTHETIC, "upsample-nose"),
            sample("/t/droplet/s3.png", Label.SYNTHETIC, "droplet"), sample("/t/droplet/s4.png", Label.SYNTHETIC, "droplet"));

    private static Sample sample(String key, Label label, String source) {
        return new Sample(key, Path.of(key), label, source, "test", new Origin(Path.of(key), 0));
    }

    private static RunMetrics metrics(String file, double... scores) throws IOException {
        List<Score> s = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            s.add(new Score(TEST.get(i).key(), scores[i]));
        }
        return Evaluation.evaluate(Path.of(file), s, LabelIndex.fromSamples(TEST));
    }

    /** A method whose single run scores the six images as given, uncorrelated and reversed. */
    private static MethodOutcome outcome(String name, double[] open, double[] reversed) throws IOException {
        DemoConfig defaults = DemoConfig.defaults(Path.of("out"), true, 1);
        DemoMethod method = defaults.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        MethodOutcome o = new MethodOutcome(method);
        o.seeds.add(new SeedOutcome(1, metrics(name + ".csv", open), metrics(name + "-r.csv", reversed),
                ShortcutReliance.of(new double[] {0.9}, new double[] {0.2}), 0.1, 3.0, 0.5, 1.0, new int[] {2, 2}, new float[4],
                new float[16], Map.of()));
        return o;
    }

    private static Report report(MethodOutcome... methods) {
        return new Report(DemoConfig.defaults(Path.of("out"), true, 1), List.of(methods), Map.of());
    }

    @Test
    void claimHoldsWhenTheRecommendedMethodMeetsEveryTarget() throws IOException {
        String rec = DemoConfig.defaults(Path.of("out"), true, 1).recommended();
        // ce: upsample-nose and droplet both at chance (AUC 0.5); reversed: all synthetic below all real (0)
        MethodOutcome ce = outcome("ce", new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
                new double[] {0.9, 0.9, 0.1, 0.1, 0.1, 0.1});
        // recommended: upsample-nose perfectly separated, droplet not; reversed 0.75
        MethodOutcome good = outcome(rec, new double[] {0.3, 0.4, 0.8, 0.9, 0.35, 0.35},
                new double[] {0.3, 0.4, 0.8, 0.9, 0.35, 0.35});
        Claim c = report(ce, good).claim();
        assertEquals(0.75 - 0.5, c.margin(), 1e-12);
        assertEquals(1.0, c.sharedFamilies().get("upsample-nose"), 1e-12);
        assertEquals(0.5, c.unseenFamilies().get("droplet"), 1e-12);
        assertTrue(c.marginHolds() && c.sharedFamiliesDetected() && c.reversedHolds());
        assertTrue((Boolean) c.json().get("holds"));
        assertFalse(c.sentence().contains("MISSED"), c.sentence());
    }

    @Test
    void verdictNamesEveryMissedTargetWithItsNumbers() throws IOException {
        String rec = DemoConfig.defaults(Path.of("out"), true, 1).recommended();
        MethodOutcome ce = outcome("ce", new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
                new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5});
        // recommended: upsample-nose 0.75 (one of four pairs wrong), droplet 0 -> AUC 0.375; reversed 0.375
        MethodOutcome weak = outcome(rec, new double[] {0.3, 0.6, 0.7, 0.5, 0.1, 0.1},
                new double[] {0.3, 0.6, 0.7, 0.5, 0.1, 0.1});
        String v = report(ce, weak).verdict();
        assertTrue(v.contains("below CE's by 0.125") && v.contains("MISSED"), v);
        assertTrue(v.contains("upsample-nose 0.750"), v);
        assertTrue(v.contains("droplet 0.000"), v);
        assertTrue(v.contains("reversed: 0.375 vs CE 0.500"), v);
    }

    @Test
    void verdictReadsTheMarginAgainstTheShortcutFreeReference() throws IOException {
        String rec = DemoConfig.defaults(Path.of("out"), true, 1).recommended();
        double[] chance = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        MethodOutcome ce = outcome("ce", chance, chance);
        // recommended AUC 0.625 (upsample-nose 0.75, droplet 0.5), reference 0.75: 0.125 below it
        MethodOutcome rec1 = outcome(rec, new double[] {0.3, 0.6, 0.7, 0.5, 0.45, 0.45}, chance);
        MethodOutcome ceiling = outcome("ceiling", new double[] {0.3, 0.4, 0.8, 0.9, 0.35, 0.35}, chance);
        Claim c = report(ce, rec1, ceiling).claim();
        assertEquals(0.25, c.reachableGain(), 1e-12);
        assertEquals(-0.125, c.overReference(), 1e-12);
        assertEquals(-0.125, (Double) c.json().get("minus_ceiling_auc"), 1e-12);
        assertTrue(c.sentence().contains("above CE by 0.250") && c.sentence().contains("cyborg+cf is below it by 0.125"),
                c.sentence());
        // without the reference the claim says nothing about it
        assertTrue(Double.isNaN(report(ce, rec1).claim().reachableGain()));
        assertFalse(report(ce, rec1).claim().json().containsKey("minus_ceiling_auc"));
        // the reference is a row of the table, marked, and never the recommended method
        assertTrue(report(ce, rec1, ceiling).table().contains("| ceiling (reference) |"));
        assertTrue(DemoConfig.CEILING.shortcutFree());
        assertEquals("split-ceiling.csv", DemoConfig.CEILING.splitFile());
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
        MethodOutcome ce = outcome("ce", new double[] {0.1, 0.2, 0.8, 0.9, 0.3, 0.3}, new double[] {0.1, 0.2, 0.8, 0.9, 0.3, 0.3});
        Map<String, Object> r = report(ce).results();
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
