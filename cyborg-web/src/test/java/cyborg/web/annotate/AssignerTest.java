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

    // ---- issue 25: overlap, practice, gold ----

    private static Study overlap(int k0) {
        return new Study(null, 0, 0, Set.of(), k0, ImageMaps.NONE);
    }

    private static void answer(AnnotationStore store, Annotator who, Task task) throws Exception {
        store.save(new NewAnnotation(task.id(), who.id(), task.mode().key(), task.images().get(0), null, "real", null,
                null, null, null, null, null, "web"));
    }

    /**
     * Two annotators taking turns, overlap {@code k0}: returns the hand-outs that started a fresh image
     * while an image of its class with 0 < annotators < 2 was still open to that annotator.
     */
    private List<String> freshWhileStartedOnesWait(int k0) throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("o" + k0 + ".db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 5, 5, 8, 8));
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 3, new Random(1), overlap(k0));
            List<Annotator> who = List.of(store.annotatorByName("a0"), store.annotatorByName("a1"));
            List<String> early = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                Annotator a = who.get(round % 2);
                Map<Long, Integer> before = store.viewers(System.currentTimeMillis() - Assigner.RESERVE_MILLIS);
                Set<Long> seen = store.seenBy(a.id());
                Optional<Task> t = assigner.next(a);
                if (t.isEmpty()) {
                    continue;
                }
                for (long id : t.get().images()) {
                    Label label = catalog.image(id).orElseThrow().label();
                    boolean waiting = catalog.all().stream().anyMatch(i -> i.label() == label && !seen.contains(i.id())
                            && before.getOrDefault(i.id(), 0) > 0 && before.getOrDefault(i.id(), 0) < 2);
                    if (before.getOrDefault(id, 0) == 0 && waiting) {
                        early.add("round " + round + ": fresh image " + id + " to " + a.name());
                    }
                }
                answer(store, a, t.get());
            }
            Map<Long, Integer> answered = store.answered();
            catalog.all().forEach(i -> assertEquals(2, answered.get(i.id()), "both annotators saw " + i.path()));
            return early;
        }
    }

    @Test
    void withOverlapTwoEveryImageGetsItsSecondAnnotatorBeforeAnyFreshImageIsHandedOut() throws Exception {
        assertEquals(List.of(), freshWhileStartedOnesWait(2));
        // the rule is what makes the difference: least-annotated first starts fresh images first
        assertFalse(freshWhileStartedOnesWait(1).isEmpty());
    }

    @Test
    void overlapOrdersStartedImagesMostAnnotatedFirstThenFreshThenTheRestLeastFirst() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 1, 1, 8, 8));
            Assigner k3 = new Assigner(store, catalog, Mode.PAIR, 5, new Random(1), overlap(3));
            List<Integer> byOrder = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4));
            byOrder.sort(java.util.Comparator.comparingInt(k3::order));
            assertEquals(List.of(2, 1, 0, 3, 4), byOrder);
            Assigner k1 = new Assigner(store, catalog, Mode.PAIR, 5, new Random(1), overlap(1));
            byOrder.sort(java.util.Comparator.comparingInt(k1::order));
            assertEquals(List.of(0, 1, 2, 3, 4), byOrder, "overlap 1: least-annotated first");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Assigner(store, catalog, Mode.PAIR, 2, new Random(1), overlap(3)));
            assertTrue(e.getMessage().contains("--overlap 3 is more than --per-image 2"), e.getMessage());
        }
    }

    @Test
    void practiceComesFirstPrefersImagesWithMapsAndUsesUpNoAnnotatorOfAnImage() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<cyborg.data.Sample> samples = Faces.write(dir.resolve("data"), 4, 4, 8, 8);
            ImageCatalog catalog = ImageCatalog.register(store, dir.resolve("data"), samples);
            Path maps = dir.resolve("maps");
            Faces.write(maps, 1, 1, 8, 8); // real/wild/real-0.png and synthetic/gan/fake-0.png: maps of those two
            ImageMaps imageMaps = ImageMaps.scan(maps, samples, catalog);
            assertEquals(2, imageMaps.images().size());
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 1, new Random(1),
                    new Study(null, 2, 0, Set.of(), 1, imageMaps));
            Annotator a = store.annotatorByName("a");
            Task first = assigner.next(a).orElseThrow();
            assertEquals(TaskKind.PRACTICE, first.kind());
            assertEquals(imageMaps.images(), Set.copyOf(first.images()), "the images with maps first");
            store.savePractice(first.id(), a.id(), first.images().get(0), "synthetic", true);
            Task second = assigner.next(a).orElseThrow();
            assertEquals(TaskKind.PRACTICE, second.kind());
            store.savePractice(second.id(), a.id(), second.images().get(0), "synthetic", false);
            Task work = assigner.next(a).orElseThrow();
            assertEquals(TaskKind.WORK, work.kind(), "after 2 practice tasks, work");
            assertEquals(Map.of(), store.answered(), "practice counts towards no image's annotators");
            // practice images are free for others as work (per-image 1): b, without practice, gets them
            Assigner noPractice = new Assigner(store, catalog, Mode.PAIR, 1, new Random(1));
            Annotator b = store.annotatorByName("b");
            Set<Long> toB = new HashSet<>();
            for (Optional<Task> t = noPractice.next(b); t.isPresent(); t = noPractice.next(b)) {
                toB.addAll(t.get().images());
                answer(store, b, t.get());
            }
            assertTrue(toB.containsAll(first.images()) && toB.containsAll(second.images()), toB.toString());
        }
    }

    @Test
    void goldPairsAreMixedInWhileGoldIsLeftAndGoldImagesAreNeverWork() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 6, 6, 8, 8));
            Set<Long> gold = new HashSet<>();
            for (Label label : Label.values()) {
                catalog.all().stream().filter(i -> i.label() == label).limit(2).forEach(i -> gold.add(i.id()));
            }
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 2, new Random(3),
                    new Study(null, 0, 0.5, gold, 1, ImageMaps.NONE));
            List<TaskKind> kinds = new java.util.ArrayList<>();
            for (String name : List.of("a", "b")) {
                Annotator who = store.annotatorByName(name);
                for (Optional<Task> t = assigner.next(who); t.isPresent(); t = assigner.next(who)) {
                    Task task = t.get();
                    kinds.add(task.kind());
                    if (task.kind() == TaskKind.GOLD) {
                        assertTrue(task.images().stream().allMatch(gold::contains), "a gold pair of gold images");
                    } else {
                        assertTrue(task.images().stream().noneMatch(gold::contains), "work never shows gold images");
                    }
                    answer(store, who, task);
                }
            }
            assertTrue(kinds.contains(TaskKind.GOLD) && kinds.contains(TaskKind.WORK), kinds.toString());
            assertTrue(kinds.stream().filter(k -> k == TaskKind.GOLD).count() <= 4, "2 gold pairs each at most");
            Map<Long, Integer> answered = store.answered();
            gold.forEach(id -> assertFalse(answered.containsKey(id), "gold answers use up no work annotator"));
            catalog.all().stream().filter(i -> !gold.contains(i.id()))
                    .forEach(i -> assertEquals(2, answered.get(i.id()), "work reaches K on every other image"));
        }
    }

    @Test
    void goldPairsAreOfGoldImagesOnlyPracticeNeverIsAndDoneIsDoneEveryTime() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = ImageCatalog.register(store, dir, Faces.write(dir.resolve("data"), 3, 3, 8, 8));
            Set<Long> realGold = new HashSet<>(); // gold images of one class only: no gold pair can be made
            catalog.all().stream().filter(i -> i.label() == Label.REAL).limit(2).forEach(i -> realGold.add(i.id()));
            Assigner assigner = new Assigner(store, catalog, Mode.PAIR, 1, new Random(5),
                    new Study(null, 1, 1.0, realGold, 1, ImageMaps.NONE));
            Annotator a = store.annotatorByName("a");
            Task practice = assigner.next(a).orElseThrow();
            assertEquals(TaskKind.PRACTICE, practice.kind());
            assertTrue(practice.images().stream().noneMatch(realGold::contains), "practice never shows gold images");
            store.savePractice(practice.id(), a.id(), practice.images().get(0), "synthetic", true);
            Annotator b = store.annotatorByName("b");
            for (Optional<Task> t = assigner.next(b); t.isPresent(); t = assigner.next(b)) {
                if (t.get().kind() == TaskKind.PRACTICE) {
                    store.savePractice(t.get().id(), b.id(), t.get().images().get(0), "synthetic", true);
                    continue;
                }
                assertEquals(TaskKind.WORK, t.get().kind(), "no gold pair beside a work image, though --gold is 1");
                answer(store, b, t.get());
            }
            for (int i = 0; i < 20; i++) {
                assertTrue(assigner.next(b).isEmpty(), "with no work left, done every time: no gold pair instead");
            }
        }
    }
}
