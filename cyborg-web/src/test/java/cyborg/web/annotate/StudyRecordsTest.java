package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What schema step 5 records for a study: task kinds, skips, practice answers and reviews. */
class StudyRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aSkippedTaskIsRecordedAndLeavesItsImagesToOthers() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<Long> ids = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 1, 1, 16, 12)).all().stream().map(ImageRecord::id).toList();
            Annotator alice = store.annotatorByName("alice");
            Task task = store.newTask(alice.id(), Mode.PAIR, ids);
            assertEquals(Map.of(ids.get(0), 1, ids.get(1), 1), store.viewers(0), "reserved while open");

            store.skip(task.id(), alice.id(), 900L, "cannot tell");

            assertTrue(store.task(task.id()).orElseThrow().done());
            assertEquals(Map.of(), store.viewers(0), "a skip does not use up an annotator of the images");
            assertEquals(Map.of(), store.answered());
            assertEquals(List.of(new Skip(task.id(), "alice", ids, 900L, "cannot tell",
                    store.skips().get(0).created())), store.skips());
            assertTrue(store.seenBy(alice.id()).containsAll(ids), "but alice is not shown them again");
            assertEquals(1, store.finished(alice.id(), TaskKind.WORK));
        }
    }

    @Test
    void practiceAndGoldTasksDoNotCountTowardsAnImagesAnnotators() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<Long> ids = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 1, 1, 16, 12)).all().stream().map(ImageRecord::id).toList();
            Annotator bob = store.annotatorByName("bob");
            Task practice = store.newTask(bob.id(), Mode.PAIR, ids, TaskKind.PRACTICE);
            assertEquals(TaskKind.PRACTICE, store.task(practice.id()).orElseThrow().kind());
            store.savePractice(practice.id(), bob.id(), ids.get(1), "synthetic", true);
            assertEquals(new AnnotationStore.PracticeAnswer(practice.id(), ids.get(1), "synthetic", true),
                    store.practiceAnswer(practice.id()).orElseThrow());
            assertTrue(store.annotations().isEmpty(), "practice is never an annotation");
            assertEquals(1, store.finished(bob.id(), TaskKind.PRACTICE));

            Task gold = store.newTask(bob.id(), Mode.PAIR, ids, TaskKind.GOLD);
            store.save(new NewAnnotation(gold.id(), bob.id(), "pair", ids.get(1), ids.get(0), "synthetic", true, 1L,
                    2L, null, Faces.mask(16, 12, (x, y) -> x < 3), null, "web"));
            assertEquals(Map.of(), store.viewers(0));
            StoredAnnotation a = store.annotations().get(0);
            assertTrue(a.gold());
            assertEquals("gold", a.kind());
        }
    }

    @Test
    void theNewestReviewOfAnAnnotationCounts() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<Long> ids = ImageCatalog.register(store, dir.resolve("data"),
                    Faces.write(dir.resolve("data"), 1, 1, 16, 12)).all().stream().map(ImageRecord::id).toList();
            Annotator carol = store.annotatorByName("carol");
            Task task = store.newTask(carol.id(), Mode.PAIR, ids);
            long a = store.save(new NewAnnotation(task.id(), carol.id(), "pair", ids.get(0), ids.get(1), "synthetic",
                    false, 1L, 2L, null, Faces.mask(16, 12, (x, y) -> y < 3), null, "web"));
            assertEquals("work", store.annotations().get(0).kind());

            store.review(a, "lead", Review.ACCEPT, null);
            store.review(a, "lead", Review.REJECT, "painted the background");

            Review newest = store.reviews().get(a);
            assertTrue(newest.rejected());
            assertEquals("painted the background", newest.reason());
            assertFalse(store.reviews().containsKey(a + 1));
            assertThrows(IllegalArgumentException.class, () -> store.review(a, "lead", "maybe", null));
        }
    }
}
