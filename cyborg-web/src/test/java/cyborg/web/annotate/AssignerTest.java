package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

class AssignerTest {
    @TempDir
    Path dir;

    /** Each annotator answers every task until done; returns how many annotators saw each image. */
    private Map<Long, Integer> annotateAll(Mode mode, int perImage, int annotators) throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 5, 5, 8, 8));
            Assigner assigner = new Assigner(store, catalog, mode, perImage, new Random(1));
            Map<Long, Integer> seen = new HashMap<>();
            for (int a = 0; a < annotators; a++) {
                Annotator who = store.annotatorByName("a" + a);
                Set<Long> mine = new HashSet<>();
                for (Optional<Task> t = assigner.next(who); t.isPresent(); t = assigner.next(who)) {
                    Task task = t.get();
                    assertEquals(mode == Mode.PAIR ? 2 : 1, task.images().size());
                    if (mode == Mode.PAIR) {
                        Set<Label> labels = new HashSet<>();
                        task.images().forEach(id -> labels.add(catalog.image(id).orElseThrow().label()));
                        assertEquals(Set.of(Label.REAL, Label.SYNTHETIC), labels, "a pair is one Real, one Synthetic");
                    }
                    for (long id : task.images()) {
                        assertTrue(mine.add(id), "annotator a" + a + " was handed image " + id + " twice");
                        seen.merge(id, 1, Integer::sum);
                    }
                    store.save(new NewAnnotation(task.id(), who.id(), mode.key(), task.images().get(0), null,
                            "real", null, null, null, null, null, null, "web"));
                }
            }
            return seen;
        }
    }

    @Test
    void pairsGoToAtMostKAnnotatorsAndNeverTwiceToTheSameOne() throws Exception {
        Map<Long, Integer> seen = annotateAll(Mode.PAIR, 3, 5);
        assertEquals(10, seen.size());
        seen.values().forEach(n -> assertEquals(3, n, "every image reaches K and no more"));
    }

    @Test
    void singleImagesGoToAtMostKAnnotatorsAndNeverTwiceToTheSameOne() throws Exception {
        Map<Long, Integer> seen = annotateAll(Mode.SINGLE, 2, 4);
        assertEquals(10, seen.size());
        seen.values().forEach(n -> assertEquals(2, n));
    }

    @Test
    void anUnansweredTaskIsHandedBackAfterAReload() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 2, 2, 8, 8));
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 1, new Random(1));
            Annotator a = store.annotatorByName("a");
            Task first = assigner.next(a).orElseThrow();
            assertEquals(first, assigner.next(a).orElseThrow());
            Annotator b = store.annotatorByName("b");
            Task other = assigner.next(b).orElseThrow();
            assertFalse(other.images().stream().anyMatch(first.images()::contains),
                    "images handed out (reserved) are not handed to a second annotator when K=1");
            assertTrue(assigner.next(store.annotatorByName("c")).isEmpty(), "K=1: nothing left for a third");
        }
    }

    @Test
    void pairsEndWhenOneClassRunsOut() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 1, 3, 8, 8));
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 1, new Random(1));
            assertTrue(assigner.next(store.annotatorByName("a")).isPresent());
            assertTrue(assigner.next(store.annotatorByName("b")).isEmpty());
        }
    }
}
