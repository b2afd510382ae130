package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cyborg.data.Label;
import cyborg.explain.Ssim;
import org.junit.jupiter.api.Test;

import java.util.List;

class AgreementTest {
    private static final ImageRecord FAKE = new ImageRecord(1, "synthetic/f.png", "f.png", Label.SYNTHETIC, 10, 10);
    private static final ImageRecord REAL = new ImageRecord(2, "real/r.png", "r.png", Label.REAL, 10, 10);

    // three hand-made 10x10 masks: left 4 columns, left 2 columns, right 5 columns
    private static final Mask LEFT4 = Faces.mask(10, 10, (x, y) -> x < 4);
    private static final Mask LEFT2 = Faces.mask(10, 10, (x, y) -> x < 2);
    private static final Mask RIGHT5 = Faces.mask(10, 10, (x, y) -> x >= 5);

    private static StoredAnnotation pick(long id, String who, ImageRecord chosen, ImageRecord other, Mask mask) {
        return new StoredAnnotation(id, id, who, "pair", chosen, other, "synthetic", chosen.label() == Label.SYNTHETIC,
                null, null, null, mask.png(), null, "web", "t");
    }

    @Test
    void iouIsExactOnHandMadeMasks() {
        assertEquals(20.0 / 40.0, Mask.iou(LEFT4, LEFT2));
        assertEquals(0.0, Mask.iou(LEFT4, RIGHT5));
        assertEquals(1.0, Mask.iou(LEFT2, LEFT2));
        assertEquals(1.0, Mask.iou(Faces.mask(10, 10, (x, y) -> false), Faces.mask(10, 10, (x, y) -> false)));
        assertEquals((0.5 + 0.0 + 0.0) / 3, Agreement.meanIou(List.of(LEFT4, LEFT2, RIGHT5)));
    }

    @Test
    void perImageAgreementAveragesEveryPairOfMasksAndCountsHumanAccuracy() throws Exception {
        List<StoredAnnotation> all = List.of(
                pick(1, "a", FAKE, REAL, LEFT4),
                pick(2, "b", FAKE, REAL, LEFT2),
                pick(3, "c", REAL, FAKE, RIGHT5)); // c picked the real one: wrong
        List<Agreement.ImageAgreement> rows = Agreement.perImage(all);
        Agreement.ImageAgreement fake = rows.get(0);
        assertEquals(1, fake.id());
        assertEquals(2, fake.masks());
        assertEquals(0.5, fake.iou());
        assertEquals(Ssim.of(LEFT4.gray(), LEFT2.gray(), 10, 10), fake.ssim());
        assertEquals(3, fake.decisions());
        assertEquals(2.0 / 3, fake.accuracy());
        Agreement.ImageAgreement real = rows.get(1);
        assertEquals(1, real.masks());
        assertNull(real.iou(), "one mask: nothing to agree with");
        assertEquals(2.0 / 3, real.accuracy(), "the real image was shown in the same three pairs");

        List<Agreement.AnnotatorRecord> people = Agreement.perAnnotator(all);
        assertEquals(1.0, people.get(0).accuracy());
        assertEquals(0.0, people.get(2).accuracy());
    }

    @Test
    void carelessAnnotatorsAreDroppedByAccuracyOrByName() {
        List<StoredAnnotation> all = List.of(pick(1, "a", FAKE, REAL, LEFT4), pick(2, "c", REAL, FAKE, RIGHT5),
                pick(3, "b", FAKE, REAL, LEFT2));
        AnnotatorFilter.Result r = new AnnotatorFilter(java.util.Set.of("b"), 0.5).apply(all);
        assertEquals(List.of("a"), r.kept().stream().map(StoredAnnotation::annotator).toList());
        assertEquals(2, r.dropped().size());
    }

    @Test
    void anAnnotatorsAccuracyCountsWorkDecisionsAndGoldAccuracyGoldOnesEverywhereTheyAreShown() throws Exception {
        StoredAnnotation work = new StoredAnnotation(1, 1L, "a", "pair", FAKE, REAL, "synthetic", true, 10L, 20L, null,
                LEFT4.png(), null, "web", "2026-12-07T09:00:00Z"); // right
        StoredAnnotation wrongGold = new StoredAnnotation(2, 2L, "a", "pair", REAL, FAKE, "synthetic", false, 10L, 20L,
                null, LEFT2.png(), null, "web", "2026-12-07T10:00:00Z", TaskKind.GOLD.key());
        List<StoredAnnotation> all = List.of(work, wrongGold);

        Agreement.AnnotatorRecord overview = Agreement.perAnnotator(all).get(0);
        assertEquals(2, overview.annotations());
        assertEquals(1, overview.decisions(), "the gold decision is not part of the accuracy");
        assertEquals(1.0, overview.accuracy());
        GoldScore.GoldRecord gold = GoldScore.perAnnotator(all, ImageMaps.NONE).get(0);
        assertEquals(1, gold.goldDecisions());
        assertEquals(0.0, gold.goldAccuracy());
        StudyStats.Group report = StudyStats.of(all, List.of(), java.util.Map.of()).perAnnotator().get(0);
        assertEquals(overview.accuracy(), report.accuracy().share(), "the report says what the overview says");
        assertEquals(gold.goldAccuracy(), report.goldAccuracy().share());
    }
}
