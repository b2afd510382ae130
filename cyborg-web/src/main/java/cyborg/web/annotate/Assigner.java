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
 * same one, least-seen images first (random among equals). A task handed out reserves its images
 * for {@link #RESERVE_MILLIS}; an annotator who asks again before answering gets the same task
 * back (a reload does not skip images).
 */
public final class Assigner {
    /** How long an unanswered task keeps its images from others. */
    public static final long RESERVE_MILLIS = 30 * 60 * 1000L;

    private final AnnotationStore store;
    private final ImageCatalog catalog;
    private final Mode mode;
    private final int perImage;
    private final Random random;

    public Assigner(AnnotationStore store, ImageCatalog catalog, Mode mode, int perImage, Random random) {
        if (perImage < 1) {
            throw new IllegalArgumentException("--per-image must be at least 1, got " + perImage);
        }
        this.store = store;
        this.catalog = catalog;
        this.mode = mode;
        this.perImage = perImage;
        this.random = random;
    }

    public Mode mode() {
        return mode;
    }

    public int perImage() {
        return perImage;
    }

    /** The annotator's next task, or empty when nothing is left for them. */
    public synchronized Optional<Task> next(Annotator annotator) throws IOException {
        Optional<Task> open = store.openTask(annotator.id());
        // the open task again, unless this run cannot show it (another mode, or images of another --split)
        if (open.isPresent() && open.get().mode() == mode
                && open.get().images().stream().allMatch(id -> catalog.image(id).isPresent())) {
            return open;
        }
        Map<Long, Integer> viewers = store.viewers(System.currentTimeMillis() - RESERVE_MILLIS);
        Set<Long> seen = store.seenBy(annotator.id());
        List<ImageRecord> free = new ArrayList<>();
        for (ImageRecord i : catalog.all()) {
            if (!seen.contains(i.id()) && viewers.getOrDefault(i.id(), 0) < perImage) {
                free.add(i);
            }
        }
        Collections.shuffle(free, random);
        // least-seen first; the sort is stable, so equals stay in shuffled order
        free.sort(Comparator.comparingInt(i -> viewers.getOrDefault(i.id(), 0)));
        List<Long> images = mode == Mode.PAIR ? pair(free) : free.stream().limit(1).map(ImageRecord::id).toList();
        if (images.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.newTask(annotator.id(), mode, images));
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
