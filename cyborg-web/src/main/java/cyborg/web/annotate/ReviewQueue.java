package cyborg.web.annotate;

import cyborg.image.ImageDecodeException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a reviewer walks: annotations in one of two orders, each with its current review, its
 * image's agreement (from {@link Agreement}, over every mask of the image, reviewed or not: the
 * reviewer judges a mask against all the others) and its IoU with each other mask of the image.
 */
public final class ReviewQueue {
    /** How the walk is ordered. */
    public enum Order {
        /** Image by image (by id), each image's annotations oldest first: a mask beside the others of its image. */
        IMAGE,
        /** Annotator by annotator (by name), each one's annotations oldest first: one person's care, in turn. */
        ANNOTATOR;

        /** {@code image} or {@code annotator}; null means by image. */
        public static Order parse(String s) {
            if (s == null || s.isBlank()) {
                return IMAGE;
            }
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "image" -> IMAGE;
                case "annotator" -> ANNOTATOR;
                default -> throw new IllegalArgumentException("'by' is image or annotator, not '" + s + "'");
            };
        }
    }

    /** Another mask of the same image: whose, this mask's IoU with it (null when this one has none), its verdict. */
    public record OtherMask(long id, String annotator, Double iou, String verdict) {
    }

    /** One annotation to review; {@code review} is null until someone reviewed it. */
    public record Item(StoredAnnotation annotation, Review review, Agreement.ImageAgreement agreement,
            List<OtherMask> others) {
    }

    /** How far the review is, over every annotation (whatever the filter shows). */
    public record Counts(int total, int reviewed, int accepted, int rejected) {
    }

    private ReviewQueue() {
    }

    /**
     * The items in {@code order}; with {@code unreviewedOnly}, only those no one has reviewed yet
     * (their others and agreement still count every mask of the image).
     */
    public static List<Item> build(List<StoredAnnotation> annotations, Map<Long, Review> reviews, Order order,
            boolean unreviewedOnly) throws ImageDecodeException {
        Map<Long, Agreement.ImageAgreement> agreement = new HashMap<>();
        for (Agreement.ImageAgreement a : Agreement.perImage(annotations)) {
            agreement.put(a.id(), a);
        }
        Map<Long, Mask> masks = new HashMap<>();
        Map<Long, List<StoredAnnotation>> byImage = new LinkedHashMap<>();
        for (StoredAnnotation a : annotations) {
            if (a.maskPng() != null) {
                masks.put(a.id(), Mask.decode(a.maskPng(), a.image().name() + " mask", Long.MAX_VALUE));
                byImage.computeIfAbsent(a.image().id(), k -> new ArrayList<>()).add(a);
            }
        }
        Comparator<StoredAnnotation> sort = order == Order.IMAGE
                ? Comparator.comparingLong((StoredAnnotation a) -> a.image().id())
                        .thenComparingLong(StoredAnnotation::id)
                : Comparator.comparing(StoredAnnotation::annotator).thenComparingLong(StoredAnnotation::id);
        List<Item> out = new ArrayList<>();
        for (StoredAnnotation a : annotations.stream().sorted(sort).toList()) {
            Review review = reviews.get(a.id());
            if (unreviewedOnly && review != null) {
                continue;
            }
            Mask mine = masks.get(a.id());
            List<OtherMask> others = new ArrayList<>();
            for (StoredAnnotation o : byImage.getOrDefault(a.image().id(), List.of())) {
                if (o.id() != a.id()) {
                    Review r = reviews.get(o.id());
                    others.add(new OtherMask(o.id(), o.annotator(), mine == null ? null : Mask.iou(mine,
                            masks.get(o.id())), r == null ? null : r.verdict()));
                }
            }
            out.add(new Item(a, review, agreement.get(a.image().id()), others));
        }
        return out;
    }

    /** Reviewed, accepted and rejected among {@code annotations}, by their newest review. */
    public static Counts counts(List<StoredAnnotation> annotations, Map<Long, Review> reviews) {
        int reviewed = 0;
        int rejected = 0;
        for (StoredAnnotation a : annotations) {
            Review r = reviews.get(a.id());
            if (r != null) {
                reviewed++;
                rejected += r.rejected() ? 1 : 0;
            }
        }
        return new Counts(annotations.size(), reviewed, reviewed - rejected, rejected);
    }
}
