package cyborg.web.annotate;

import cyborg.data.Label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Hands out tasks: each image to at most {@code perImage} distinct annotators, never twice to the
 * same one. With --overlap K0 (the {@link Study}'s overlap), images that have some but fewer than K0
 * annotators come first (most-annotated of those first), then fresh images, then images with K0 or
 * more, least-annotated first; random among equals. K0 = 1 is least-annotated first. A task handed
 * out reserves its images for {@link #RESERVE_MILLIS}; an annotator who asks again before answering
 * gets the same task back (a reload does not skip images). In a study, each annotator's first tasks
 * are practice, and after that a task is a gold pair with the study's probability; gold images are
 * never handed out as work.
 */
public final class Assigner {
    /** How long an unanswered task keeps its images from others. */
    public static final long RESERVE_MILLIS = 30 * 60 * 1000L;

    private final AnnotationStore store;
    private final ImageCatalog catalog;
    private final Mode mode;
    private final int perImage;
    private final Random random;
    private final Study study;

    public Assigner(AnnotationStore store, ImageCatalog catalog, Mode mode, int perImage, Random random) {
        this(store, catalog, mode, perImage, random, Study.NONE);
    }

    public Assigner(AnnotationStore store, ImageCatalog catalog, Mode mode, int perImage, Random random,
            Study study) {
        if (perImage < 1) {
            throw new IllegalArgumentException("--per-image must be at least 1, got " + perImage);
        }
        Study.checkOverlap(study.overlap(), perImage);
        this.store = store;
        this.catalog = catalog;
        this.mode = mode;
        this.perImage = perImage;
        this.random = random;
        this.study = study;
    }

    public Study study() {
        return study;
    }

    public Mode mode() {
        return mode;
    }

    public int perImage() {
        return perImage;
    }

    /**
     * The annotator's next task, or empty when nothing is left for them: no work task can be made.
     * Practice and gold pairs come only while there is work, so "done" is the same answer every time.
     */
    public synchronized Optional<Task> next(Annotator annotator) throws IOException {
        Optional<Task> open = store.openTask(annotator.id());
        if (open.isPresent() && showable(open.get())) {
            return open; // the same task again after a reload
        }
        Set<Long> seen = store.seenBy(annotator.id());
        Map<Long, Integer> viewers = store.viewers(System.currentTimeMillis() - RESERVE_MILLIS);
        List<ImageRecord> free = new ArrayList<>();
        for (ImageRecord i : catalog.all()) {
            if (!seen.contains(i.id()) && study.isWork(i.id())
                    && viewers.getOrDefault(i.id(), 0) < perImage) {
                free.add(i);
            }
        }
        Collections.shuffle(free, random);
        // the sort is stable, so equals stay in shuffled order
        free.sort(Comparator.comparingInt(i -> order(viewers.getOrDefault(i.id(), 0))));
        List<Long> work = images(free);
        if (work.isEmpty()) {
            return Optional.empty();
        }
        if (store.finished(annotator.id(), TaskKind.PRACTICE) < study.practice()) {
            Optional<Task> practice = practice(annotator, seen, viewers);
            if (practice.isPresent()) {
                return practice;
            }
        }
        if (study.gold() > 0 && random.nextDouble() < study.gold()) {
            Optional<Task> gold = gold(annotator, seen);
            if (gold.isPresent()) {
                return gold;
            }
        }
        return Optional.of(store.newTask(annotator.id(), mode, work, TaskKind.WORK));
    }

    /**
     * Whether an open task may be handed out again in this run: the same mode, images of this run,
     * and a kind this run still gives (a practice task after a restart without --practice, or a
     * work task of an image that has become gold, is left and a new one made).
     */
    private boolean showable(Task open) {
        if (open.mode() != mode || !open.images().stream().allMatch(id -> catalog.image(id).isPresent())) {
            return false;
        }
        return switch (open.kind()) {
            case PRACTICE -> study.practice() > 0;
            case GOLD -> study.gold() > 0 && open.images().stream().allMatch(study.goldImages()::contains);
            case WORK -> open.images().stream().allMatch(study::isWork);
        };
    }

    /**
     * Where an image with {@code annotators} annotators comes in the hand-out order (lower first):
     * those started but short of the overlap, most-annotated first; then fresh ones; then the rest,
     * least-annotated first. With overlap 1 this is least-annotated first.
     */
    int order(int annotators) {
        int k0 = study.overlap();
        if (annotators > 0 && annotators < k0) {
            return -annotators; // -(k0-1) .. -1: the closest to k0 first
        }
        return annotators == 0 ? 0 : annotators; // fresh (0), then k0, k0+1, ...
    }

    /**
     * A practice task, never of gold images (their answers and maps are what gold measures against).
     * A practised image is seen, so it is lost as work to that annotator: images with all their
     * annotators come first (nothing lost), then those with a human map (the feedback can show it).
     */
    private Optional<Task> practice(Annotator annotator, Set<Long> seen, Map<Long, Integer> viewers)
            throws IOException {
        List<ImageRecord> candidates = new ArrayList<>();
        for (ImageRecord i : catalog.all()) {
            if (!seen.contains(i.id()) && study.isWork(i.id())) {
                candidates.add(i);
            }
        }
        Collections.shuffle(candidates, random);
        candidates.sort(Comparator.comparingInt((ImageRecord i) -> viewers.getOrDefault(i.id(), 0) >= perImage ? 0 : 1)
                .thenComparingInt(i -> study.maps().has(i.id()) ? 0 : 1));
        return handOut(annotator, candidates, TaskKind.PRACTICE);
    }

    /**
     * A gold task: gold images the annotator has not seen, only gold ones (a work image beside a gold
     * one would be annotated outside --per-image and scored as gold); empty when none can be made.
     */
    private Optional<Task> gold(Annotator annotator, Set<Long> seen) throws IOException {
        List<ImageRecord> gold = new ArrayList<>();
        for (ImageRecord i : catalog.all()) {
            if (!seen.contains(i.id()) && study.goldImages().contains(i.id())) {
                gold.add(i);
            }
        }
        Collections.shuffle(gold, random);
        return handOut(annotator, gold, TaskKind.GOLD);
    }

    /** The first image (single) or first pair of {@code ordered}; empty when none can be made. */
    private List<Long> images(List<ImageRecord> ordered) {
        return mode == Mode.PAIR ? pair(ordered) : ordered.stream().limit(1).map(ImageRecord::id).toList();
    }

    /** A task of the first image (single) or first pair of {@code ordered}; empty when none can be made. */
    private Optional<Task> handOut(Annotator annotator, List<ImageRecord> ordered, TaskKind kind) throws IOException {
        List<Long> images = images(ordered);
        if (images.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.newTask(annotator.id(), mode, images, kind));
    }

    /** One Real and one Synthetic, in random order; empty if either class has nothing left. */
    private List<Long> pair(List<ImageRecord> free) {
        Optional<ImageRecord> real = free.stream().filter(i -> i.label() == Label.REAL).findFirst();
        Optional<ImageRecord> synthetic = free.stream().filter(i -> i.label() == Label.SYNTHETIC).findFirst();
        if (real.isEmpty() || synthetic.isEmpty()) {
            return List.of();
        }
        List<Long> pair = new ArrayList<>(List.of(real.get().id(), synthetic.get().id()));
        Collections.shuffle(pair, random);
        return pair;
    }
}
