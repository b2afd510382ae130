package cyborg.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.eval.Evaluation;
import cyborg.eval.LabelIndex;
import cyborg.score.Score;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ReportTest {
    private static final List<Sample> TEST = List.of(
            sample("/t/studio/r1.png", Label.REAL, "studio"), sample("/t/studio/r2.png", Label.REAL, "studio"),
            sample("/t/droplet/s1.png", Label.SYNTHETIC, "droplet"), sample("/t/droplet/s2.png", Label.SYNTHETIC, "droplet"));

    private static Sample sample(String key, Label label, String source) {
        return new Sample(key, Path.of(key), label, source, "test", new Origin(Path.of(key), 0));
    }

    /** A loss whose single run scores the four test images as given (real, real, synthetic, synthetic). */
    private static LossOutcome outcome(String name, double... scores) throws IOException {
        LossOutcome o = new LossOutcome(name, name);
        List<Score> s = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            s.add(new Score(TEST.get(i).key(), scores[i]));
        }
        o.runs.add(Evaluation.evaluate(Path.of(name + ".csv"), s, LabelIndex.fromSamples(TEST)));
        o.camMse.add(name.equals("ce") ? 0.2 : 0.05);
        o.camEntropy.add(3.0);
        return o;
    }

    private static Report report(LossOutcome... losses) {
        DemoConfig config = DemoConfig.defaults(Path.of("out"), true, 1);
        return new Report(config, List.of(losses), Map.of("images", Map.of("test", Map.of("studio", 2, "droplet", 2))));
    }

    @Test
    void statesTheMarginAndWhetherItReachesTheTarget() throws IOException {
        // ce: only 0.65 > 0.6 of the four real-synthetic pairs (AUC 0.25); cyborg: 0.5 > 0.4 twice (AUC 0.5)
        Report r = report(outcome("ce", 0.6, 0.7, 0.1, 0.65), outcome("cyborg", 0.6, 0.4, 0.5, 0.5));
        assertEquals(0.25, r.margin(), 1e-12);
        assertTrue(r.verdict().startsWith("CYBORG's open-set AUC is above CE's by 0.250 (target 0.05), and its CAMs"
                + " are closer"), r.verdict());
        assertTrue(!r.verdict().contains("below 0.5"), r.verdict());
    }

    @Test
    void saysPlainlyWhenTheEffectDoesNotShowAndWhenEveryModelIsBelowChance() throws IOException {
        // ce: a tie (1/2) and 0.55 > 0.5 (AUC 1.5/4 = 0.375); cyborg: AUC 0.25 as above
        Report r = report(outcome("ce", 0.5, 0.6, 0.5, 0.55), outcome("cyborg", 0.6, 0.7, 0.1, 0.65));
        assertTrue(r.verdict().startsWith("The expected effect did NOT show"), r.verdict());
        assertTrue(r.verdict().contains("every model scores below 0.5 (best 0.375)"), r.verdict());
        assertTrue(r.verdict().contains("no model detects any of the unseen generator families"), r.verdict());
    }
}
