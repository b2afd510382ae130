package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What an export keeps by the reviews, and the review in its JSON lines. */
class ReviewFilterTest {
    private static final ImageRecord FAKE = new ImageRecord(1, "synthetic/gan/f.png", "f.png", Label.SYNTHETIC, 8, 6);
    private static final Mask OLD = Faces.mask(8, 6, (x, y) -> x < 2);
    private static final Mask NEW = Faces.mask(8, 6, (x, y) -> x < 6);

    private static StoredAnnotation mask(long id, String who, Mask mask) {
        return new StoredAnnotation(id, null, who, "import", FAKE, null, null, null, null, null, null, mask.png(), null,
                "coco", "t" + id);
    }

    private static Review review(long id, long annotation, String verdict, String reason) {
        return new Review(id, annotation, "lead", verdict, reason, "r" + id);
    }

    @Test
    void rejectedAreLeftOutAndCountedPerAnnotatorAndAcceptedOnlyDropsTheUnreviewedToo() {
        List<StoredAnnotation> all = List.of(mask(1, "ann", OLD), mask(2, "ann", NEW), mask(3, "ben", OLD),
                mask(4, "cid", NEW));
        Map<Long, Review> reviews = Map.of(2L, review(7, 2, Review.REJECT, "sloppy"), 3L, review(8, 3, Review.ACCEPT,
                null));

        ReviewFilter.Result byDefault = ReviewFilter.NOT_REJECTED.apply(all, reviews);
        assertEquals(List.of(1L, 3L, 4L), byDefault.kept().stream().map(StoredAnnotation::id).toList());
        assertEquals(List.of(new ReviewFilter.LeftOut("ann", 1, 0)), byDefault.leftOut());

        ReviewFilter.Result accepted = new ReviewFilter(true).apply(all, reviews);
        assertEquals(List.of(3L), accepted.kept().stream().map(StoredAnnotation::id).toList());
        assertEquals(List.of(new ReviewFilter.LeftOut("ann", 1, 1), new ReviewFilter.LeftOut("cid", 0, 1)),
                accepted.leftOut());
    }

    @Test
    void whenAnAnnotatorsNewerMaskOfAnImageIsRejectedTheOlderOneIsExportedAndLinesCarryTheReview(@TempDir Path dir)
            throws Exception {
        List<StoredAnnotation> all = List.of(mask(1, "ann", OLD), mask(2, "ann", NEW));
        Map<Long, Review> reviews = Map.of(1L, review(5, 1, Review.ACCEPT, null),
                2L, review(6, 2, Review.REJECT, "covers the background"));
        Path maps = dir.resolve("maps");
        Path jsonl = dir.resolve("a.jsonl");

        MapExport.write(ReviewFilter.NOT_REJECTED.apply(all, reviews).kept(), reviews, maps, null, jsonl);

        Mask exported = Mask.decode(Files.readAllBytes(maps.resolve("ann/synthetic/gan/f.png")), "f", Long.MAX_VALUE);
        assertArrayEquals(OLD.bits(), exported.bits(), "the newest mask not rejected");
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"review\":{\"verdict\":\"accept\",\"reviewer\":\"lead\",\"created\":\"r5\"}"),
                lines.get(0));

        MapExport.write(all, reviews, dir.resolve("all"), null, jsonl); // unfiltered: the rejection is in its line
        String rejected = Files.readAllLines(jsonl).get(1);
        assertTrue(rejected.contains("\"review\":{\"verdict\":\"reject\",\"reason\":\"covers the background\""),
                rejected);
        MapExport.write(all, dir.resolve("plain"), null, jsonl);
        assertFalse(Files.readString(jsonl).contains("\"review\""), "no reviews given: none written");
    }
}
