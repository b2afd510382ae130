package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cyborg.data.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The study's numbers on a store filled as the server fills it, checked against hand-computed values. */
class StudyStatsTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    /** Saves a pair answer of {@code task} choosing {@code chosen}, with these times. */
    private static long answer(AnnotationStore store, Annotator who, Task task, ImageRecord chosen, ImageRecord other,
            Long msDecide, Long msPaint) throws Exception {
        return store.save(new NewAnnotation(task.id(), who.id(), "pair", chosen.id(), other.id(), "synthetic",
                chosen.label() == Label.SYNTHETIC, msDecide, msPaint, null,
                Faces.mask(16, 12, (x, y) -> x < 4), null, "web"));
    }

    @Test
    void mediansQuartilesThroughputAccuracyAndRejectedShareMatchTheHandComputedOnes() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<ImageRecord> images = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 2, 2, 16, 12)).all();
            ImageRecord real0 = images.stream().filter(i -> i.label() == Label.REAL).findFirst().orElseThrow();
            ImageRecord fake0 = images.stream().filter(i -> i.label() == Label.SYNTHETIC).findFirst().orElseThrow();
            Annotator alice = store.annotatorByName("alice");
            Annotator bob = store.annotatorByName("bob");
            List<Long> pair = List.of(real0.id(), fake0.id());
            // alice: three work pairs (right, right, wrong), a gold pair answered wrongly, a skip
            long a1 = answer(store, alice, store.newTask(alice.id(), Mode.PAIR, pair), fake0, real0, 1000L, 2000L);
            long a2 = answer(store, alice, store.newTask(alice.id(), Mode.PAIR, pair), fake0, real0, 3000L, 1000L);
            answer(store, alice, store.newTask(alice.id(), Mode.PAIR, pair), real0, fake0, 2000L, 4000L);
            answer(store, alice, store.newTask(alice.id(), Mode.PAIR, pair, TaskKind.GOLD), real0, fake0, 500L, 500L);
            store.skip(store.newTask(alice.id(), Mode.PAIR, pair).id(), alice.id(), 700L, "cannot tell");
            // bob: one work pair with no paint time recorded, one imported mask (no times, no decision)
            long b1 = answer(store, bob, store.newTask(bob.id(), Mode.PAIR, pair), fake0, real0, 4000L, null);
            assertEquals(AnnotationStore.ImportOutcome.IMPORTED, store.importMask(new ImportedMask(fake0.name(), "bob",
                    16, 12, Faces.mask(16, 12, (x, y) -> y < 2).bits()), "labelstudio"));
            // reviews: the newest counts
            store.review(a1, "lead", Review.REJECT, "background");
            store.review(a2, "lead", Review.ACCEPT, null);
            store.review(b1, "lead", Review.REJECT, "sloppy");
            store.review(b1, "lead", Review.ACCEPT, "on second look");

            StudyStats.Study s = StudyStats.of(store);

            assertEquals(2, s.annotators());
            StudyStats.Group all = s.overall();
            assertEquals(StudyStats.EVERYONE, all.annotator());
            assertEquals(List.of(6, 4, 1, 1, 1), List.of(all.annotations(), all.work(), all.gold(), all.imported(),
                    all.skips()));
            assertEquals(new StudyStats.Share(3, 1, 1.0 / 3), all.rejected());

            StudyStats.Group a = s.perAnnotator().get(0);
            assertEquals("alice", a.annotator());
            assertEquals(List.of(4, 3, 1, 0, 1), List.of(a.annotations(), a.work(), a.gold(), a.imported(), a.skips()));
            assertEquals(new StudyStats.Share(3, 2, 2.0 / 3), a.accuracy(), "work decisions only");
            assertEquals(new StudyStats.Share(1, 0, 0.0), a.goldAccuracy());
            assertEquals(new StudyStats.Share(2, 1, 0.5), a.rejected());
            // totals 3000, 4000, 6000, 1000 -> sorted 1000 3000 4000 6000
            assertEquals(new StudyStats.Spread(4, 3500.0, 2500.0, 4500.0, 1000.0, 6000.0), a.times().totalMs());
            // decide 1000, 3000, 2000, 500 -> sorted 500 1000 2000 3000
            assertEquals(new StudyStats.Spread(4, 1500.0, 875.0, 2250.0, 500.0, 3000.0), a.times().decideMs());
            assertEquals(4, a.throughput().timed());
            assertEquals(14_000 / 3_600_000.0, a.throughput().activeHours(), EPS);
            assertEquals(4 * 3_600_000.0 / 14_000, a.throughput().perActiveHour(), EPS);
            assertEquals(4, a.throughput().saves());
            double span = Duration.between(Instant.parse(a.throughput().first()), Instant.parse(a.throughput().last()))
                    .toMillis() / 3_600_000.0;
            if (span > 0) {
                assertEquals(3 / span, a.throughput().perSpanHour(), EPS);
            }

            StudyStats.Group b = s.perAnnotator().get(1);
            assertEquals("bob", b.annotator());
            assertEquals(List.of(2, 1, 0, 1, 0), List.of(b.annotations(), b.work(), b.gold(), b.imported(), b.skips()));
            assertEquals(new StudyStats.Share(1, 1, 1.0), b.accuracy());
            assertEquals(new StudyStats.Share(0, 0, null), b.goldAccuracy());
            assertEquals(new StudyStats.Share(1, 0, 0.0), b.rejected(), "accepted after the rejection");
            assertEquals(new StudyStats.Spread(1, 4000.0, 4000.0, 4000.0, 4000.0, 4000.0), b.times().decideMs());
            assertEquals(0, b.times().totalMs().n(), "no paint time: no total");
            assertNull(b.times().totalMs().median());
            assertNull(b.throughput().perActiveHour(), "no timed annotation, no rate");
            assertEquals(1, b.throughput().saves(), "the import is not a save of the study");
            assertNull(b.throughput().perSpanHour(), "one save spans no time");

            assertEquals(5, StudyStats.withoutRejected(store.annotations(), store.reviews()).size());
        }
    }

    @Test
    void spanThroughputCountsTheSavesAfterTheFirstPerHourFromFirstToLast() {
        ImageRecord image = new ImageRecord(1, "synthetic/f.png", "f.png", Label.SYNTHETIC, 4, 4);
        List<StoredAnnotation> three = List.of(saved(1, image, "2026-01-01T10:00:00Z"),
                saved(2, image, "2026-01-01T10:20:00Z"), saved(3, image, "2026-01-01T10:30:00Z"));
        StudyStats.Throughput t = StudyStats.of(three, List.of(), Map.of()).overall().throughput();
        assertEquals("2026-01-01T10:00:00Z", t.first());
        assertEquals("2026-01-01T10:30:00Z", t.last());
        assertEquals(0.5, t.spanHours(), EPS);
        assertEquals(4.0, t.perSpanHour(), EPS); // two saves after the first in half an hour
        assertEquals(3 * 3_600_000.0 / 3000, t.perActiveHour(), EPS); // 1 s each
    }

    private static StoredAnnotation saved(long id, ImageRecord image, String created) {
        return new StoredAnnotation(id, id, "carol", "single", image, null, "synthetic", true, 400L, 600L, null, null,
                null, "web", created);
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        assertEquals(2.5, StudyStats.quantile(new double[] {1, 2, 3, 4}, 0.5), EPS);
        assertEquals(1.75, StudyStats.quantile(new double[] {1, 2, 3, 4}, 0.25), EPS);
        assertEquals(7.0, StudyStats.quantile(new double[] {7}, 0.75), EPS);
        assertEquals(new StudyStats.Spread(0, null, null, null, null, null), StudyStats.Spread.of(List.of()));
    }
}
