package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which images a run hands out, and how a restart on the same database finds them again. */
class ImageCatalogTest {
    @TempDir
    Path dir;

    private static List<Long> ids(ImageCatalog catalog) {
        return catalog.all().stream().map(ImageRecord::id).toList();
    }

    @Test
    void aRestartWithTheDataRootSpelledRelativelyOrMovedFindsTheSameImages() throws Exception {
        Path data = dir.resolve("data");
        Faces.write(data, 2, 2, 16, 12);
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            List<Long> first = ids(ImageCatalog.register(store, data, Faces.samples(data)));

            Path relative = Path.of("").toAbsolutePath().relativize(data);
            assertFalse(relative.isAbsolute());
            assertEquals(first, ids(ImageCatalog.register(store, relative, Faces.samples(relative))), "relative");

            Path moved = Files.move(data, dir.resolve("elsewhere"));
            assertEquals(first, ids(ImageCatalog.register(store, moved, Faces.samples(moved))), "moved");
            assertEquals(4, store.images().size(), "no image registered twice");
        }
    }

    @Test
    void anotherSplitOfTheSameDataContinues() throws Exception {
        // annotating the train rows, later the val rows, into one database is not another data set
        Path data = dir.resolve("data");
        List<Sample> all = Faces.write(data, 2, 2, 16, 12);
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog.register(store, data, all.subList(0, 2));
            assertEquals(2, ImageCatalog.register(store, data, all.subList(2, 4)).all().size());
            assertEquals(4, store.images().size());
        }
    }

    @Test
    void aDatabaseOfAnotherDataSetIsRefusedNamingItsImagesAndWhatToDo() throws Exception {
        Path data = dir.resolve("data");
        Faces.write(data, 2, 2, 16, 12);
        Path db = dir.resolve("a.db");
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("real/src"));
        Files.createDirectories(other.resolve("synthetic/gan"));
        Files.copy(data.resolve("real/wild/real-0.png"), other.resolve("real/src/r.png"));
        Files.copy(data.resolve("synthetic/gan/fake-0.png"), other.resolve("synthetic/gan/f.png"));
        try (AnnotationStore store = AnnotationStore.open(db)) {
            ImageCatalog.register(store, data, Faces.samples(data));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageCatalog.register(store, other, Faces.samples(other)));
            String m = e.getMessage();
            assertTrue(m.startsWith(db + " was made on another data set"), m);
            assertTrue(m.contains("real/wild/real-0.png") && m.contains("real/src/r.png"), "names both sides: " + m);
            assertTrue(m.contains("another --db"), m);
            assertEquals(4, store.images().size(), "nothing registered");
        }
    }

    @Test
    void aKnownPathWhoseImageHasAnotherSizeOrLabelIsRefusedByName() throws Exception {
        Path data = dir.resolve("data");
        Faces.write(data, 2, 2, 16, 12);
        Path other = dir.resolve("other");
        Faces.write(other, 2, 2, 20, 20); // the same file names, other images
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog.register(store, data, Faces.samples(data));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageCatalog.register(store, other, Faces.samples(other)));
            assertTrue(e.getMessage().contains("real/wild/real-0.png is Real 16x12 in the database but Real 20x20 here"),
                    e.getMessage());
        }
    }
}
