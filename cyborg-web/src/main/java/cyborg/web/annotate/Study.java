package cyborg.web.annotate;

import java.util.Set;

/**
 * How a run is a study: the instructions shown before the first task, practice pairs with
 * feedback, hidden gold pairs and how many annotators an image gets before fresh ones start.
 *
 * @param instructionsHtml the instructions as safe HTML ({@link Instructions}); null: the page's built-in text
 * @param practice how many practice tasks each annotator answers first (0: none)
 * @param gold the chance that a task, after practice, is a gold pair while the annotator has gold images left
 * @param goldImages the gold images (ids of this run's catalog); kept out of ordinary work
 * @param overlap each image gets this many annotators before fresh images are started (1: least-annotated first)
 * @param maps the human maps of the data set's images (practice feedback, gold IoU); {@link ImageMaps#NONE} without
 */
public record Study(String instructionsHtml, int practice, double gold, Set<Long> goldImages, int overlap,
        ImageMaps maps) {
    /** A plain run: no instructions file, no practice, no gold, least-annotated first. */
    public static final Study NONE = new Study(null, 0, 0, Set.of(), 1, ImageMaps.NONE);

    public Study {
        if (practice < 0) {
            throw new IllegalArgumentException("--practice must be 0 or more, got " + practice);
        }
        if (!(gold >= 0 && gold <= 1)) {
            throw new IllegalArgumentException("--gold must be 0..1 (the share of tasks that are gold pairs), got "
                    + gold);
        }
        if (overlap < 1) {
            throw new IllegalArgumentException("--overlap must be at least 1, got " + overlap);
        }
        goldImages = Set.copyOf(goldImages);
    }

    /** The one rule tying --overlap to --per-image: an image cannot wait for more annotators than it may get. */
    public static void checkOverlap(int overlap, int perImage) {
        if (overlap > perImage) {
            throw new IllegalArgumentException("--overlap " + overlap + " is more than --per-image " + perImage
                    + ": an image gets at most --per-image annotators, so it could never reach --overlap;"
                    + " give --overlap <= --per-image");
        }
    }

    /** Whether an image is handed out as work: every image but the gold ones. */
    public boolean isWork(long image) {
        return !goldImages.contains(image);
    }

    /**
     * Refuses a gold list that leaves no work: every image (single mode), or every image of a class
     * (pair mode: a pair needs one of each), would be gold, and the study would have nothing to collect.
     */
    public void requireWork(java.util.List<ImageRecord> images, Mode mode, String goldSource) {
        java.util.Map<cyborg.data.Label, Long> work = new java.util.EnumMap<>(cyborg.data.Label.class);
        for (ImageRecord i : images) {
            if (isWork(i.id())) {
                work.merge(i.label(), 1L, Long::sum);
            }
        }
        boolean none = mode == Mode.PAIR ? work.size() < 2 : work.isEmpty();
        if (none) {
            throw new IllegalArgumentException("the gold images (" + goldSource + ") leave no "
                    + (mode == Mode.PAIR ? "Real and Synthetic image" : "image") + " to annotate as work: gold"
                    + " images are never handed out as work. Give --gold-images FILE listing a few images whose"
                    + " answers or maps you trust");
        }
    }
}
