package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class AnnotationStoreTest {
    @TempDir
    Path dir;

    private ImageCatalog catalog(AnnotationStore store, int real, int synthetic) throws IOException {
        return ImageCatalog.register(store, dir.resolve("data"), Faces.write(dir.resolve("data"), real, synthetic, 16, 12));
    }

    @Test
    void aSavedAnnotationReadsBackWithEveryFieldAndItsMask() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = catalog(store, 1, 1);
            Annotator alice = store.annotatorByName("alice");
            List<Long> ids = catalog.all().stream().map(ImageRecord::id).toList();
            Task task = store.newTask(alice.id(), Mode.PAIR, ids);
            Mask mask = Faces.mask(16, 12, (x, y) -> x < 4 && y > 2);
            long id = store.save(new NewAnnotation(task.id(), alice.id(), "pair", ids.get(1), ids.get(0), "synthetic",
                    true, 1200L, 3400L, "[[1,2],[3,4]]", mask, "the eyes", "web"));

            StoredAnnotation a = store.annotations().get(0);
            assertEquals(id, a.id());
            assertEquals("alice", a.annotator());
            assertEquals(ids.get(1), a.image().id());
            assertEquals(ids.get(0), a.otherImage().id());
            assertEquals(Boolean.TRUE, a.correct());
            assertEquals(1200L, a.msDecide());
            assertEquals(3400L, a.msPaint());
            assertEquals("[[1,2],[3,4]]", a.strokes());
            assertEquals("the eyes", a.text());
            assertArrayEquals(mask.bits(), Mask.decode(a.maskPng(), "m", 1000).bits());
            assertTrue(store.task(task.id()).orElseThrow().done(), "saving answers the task");
            assertEquals(new AnnotationStore.Answer(id, true), store.answerOf(task.id()).orElseThrow());
        }
    }

    @Test
    void imagesAreStoredRelativeToTheDataRootWithLabelAndSize() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageRecord real = catalog(store, 1, 1).all().stream().filter(i -> i.name().startsWith("real"))
                    .findFirst().orElseThrow();
            assertEquals("real/wild/real-0.png", real.path());
            assertEquals(cyborg.data.Label.REAL, real.label());
            assertEquals(16, real.width());
            assertEquals(12, real.height());
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheCurrentVersion() throws Exception {
        Path db = dir.resolve("new.db");
        AnnotationStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Migrations.CURRENT, Migrations.version(c));
            assertEquals("wal", pragma(c, "journal_mode"));
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedKeepingItsRows() throws Exception {
        Path db = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // a frozen copy of 001.sql as it shipped, not the resource itself: databases in the wild were
            // made by that text, and this test must keep migrating them even if 001.sql were ever edited
            for (String sql : Migrations.split(fixture("schema-v1.sql"))) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1)");
            s.execute("INSERT INTO images(key, path, name, label, width, height) VALUES ('k', 'real/a.png', 'a.png',"
                    + " 'Real', 8, 8)");
            s.execute("INSERT INTO annotators(name, created) VALUES ('old', '2026-01-01T00:00:00Z')");
            s.execute("INSERT INTO annotations(annotator, mode, image, decision, correct, created) VALUES (1, 'single',"
                    + " 1, 'real', 1, '2026-01-01T00:00:00Z')");
        }
        try (AnnotationStore store = AnnotationStore.open(db)) {
            StoredAnnotation old = store.annotations().get(0);
            assertEquals("old", old.annotator());
            assertEquals("web", old.source(), "v2 gave old rows the default source");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Migrations.CURRENT, Migrations.version(c));
        }
    }

    @Test
    void aDatabaseFromANewerCyborgIsRefused() throws Exception {
        Path db = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (" + (Migrations.CURRENT + 1) + ")");
        }
        IOException e = assertThrows(IOException.class, () -> AnnotationStore.open(db));
        assertTrue(e.getMessage().contains("newer cyborg"), e.getMessage());
    }

    /** A database as schema version 2 left it (frozen text: the shipped 001 and 002 steps), filled by {@code rows}. */
    private Path version2Database(String... rows) throws Exception {
        Path db = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : Migrations.split(fixture("schema-v2.sql"))) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (2)");
            for (String row : rows) {
                s.execute(row);
            }
        }
        return db;
    }

    @Test
    void aVersion2DatabaseWhoseImagesARestartRegisteredTwiceIsMergedByRelativePathKeepingItsWork()
            throws Exception {
        // what a restart with the root spelled otherwise left: every image again under a new key, the open
        // task and an answer on the copies, the first answer on the originals
        Path db = version2Database(
                "INSERT INTO images(id, key, path, name, label, width, height) VALUES"
                        + " (1, '/abs/data/real/wild/real-0.png', 'real/wild/real-0.png', 'real-0.png', 'Real', 16, 12),"
                        + " (2, '/abs/data/synthetic/gan/fake-0.png', 'synthetic/gan/fake-0.png', 'fake-0.png', 'Synthetic', 16, 12),"
                        + " (3, 'data/real/wild/real-0.png', 'real/wild/real-0.png', 'real-0.png', 'Real', 16, 12),"
                        + " (4, 'data/synthetic/gan/fake-0.png', 'synthetic/gan/fake-0.png', 'fake-0.png', 'Synthetic', 16, 12)",
                "INSERT INTO annotators(id, name, created) VALUES (1, 'alice', 't'), (2, 'bob', 't')",
                "INSERT INTO tasks(id, annotator, mode, created_ms, done) VALUES (1, 1, 'pair', 0, 1), (2, 2, 'pair', 0, 1),"
                        + " (3, 1, 'pair', 0, 0)",
                "INSERT INTO task_images(task, image, annotator, position) VALUES (1, 1, 1, 0), (1, 2, 1, 1),"
                        + " (2, 4, 2, 0), (2, 3, 2, 1)",
                "INSERT INTO annotations(task, annotator, mode, image, other_image, decision, correct, created)"
                        + " VALUES (1, 1, 'pair', 2, 1, 'synthetic', 1, 't'), (2, 2, 'pair', 4, 3, 'synthetic', 1, 't')");
        try (AnnotationStore store = AnnotationStore.open(db)) {
            assertEquals(List.of("real/wild/real-0.png", "synthetic/gan/fake-0.png"),
                    store.images().stream().map(ImageRecord::path).toList());
            assertEquals(List.of(2L, 2L), store.annotations().stream().map(a -> a.image().id()).toList(),
                    "both answers are on the one synthetic image now");
            assertEquals(List.of(1L, 1L), store.annotations().stream().map(a -> a.otherImage().id()).toList());
            assertEquals(java.util.Map.of(1L, 2, 2L, 2), store.answered(), "each image answered by alice and bob");

            // and a restart on the data, however spelled, continues with these two images
            Path data = dir.resolve("data");
            Faces.write(data, 1, 1, 16, 12);
            ImageCatalog catalog = ImageCatalog.register(store, data, Faces.samples(data));
            assertEquals(java.util.Set.of(1L, 2L), catalog.all().stream().map(ImageRecord::id)
                    .collect(java.util.stream.Collectors.toSet()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Migrations.CURRENT, Migrations.version(c));
        }
    }

    @Test
    void aVersion2DatabaseHoldingTwoDataSetsUnderOnePathIsRefusedNamingThePath() throws Exception {
        Path db = version2Database("INSERT INTO images(key, path, name, label, width, height) VALUES"
                + " ('/a/real/x.png', 'real/x.png', 'x.png', 'Real', 16, 12),"
                + " ('/b/real/x.png', 'real/x.png', 'x.png', 'Real', 32, 32)");
        IOException e = assertThrows(IOException.class, () -> AnnotationStore.open(db));
        assertTrue(e.getMessage().startsWith(db.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("real/x.png (Real 16x12, Real 32x32)"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(2, Migrations.version(c), "left as it was");
        }
    }

    @Test
    void aNewDatabaseAndItsWalAndShmFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "no POSIX file modes here");
        Path db = dir.resolve("private.db");
        try (AnnotationStore store = AnnotationStore.open(db)) {
            store.annotatorByName("alice"); // a write: the WAL and its index exist now
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path f = Path.of(db + suffix);
                assertTrue(Files.exists(f), f.toString());
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void aReviewersTokenNamesTheReviewerAndAnAnnotatorsTokenDoesNot() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            String annotator = store.addAnnotator("alice");
            String reviewer = store.addReviewer("lead");
            assertEquals(java.util.Optional.of("lead"), store.reviewer(reviewer));
            assertTrue(store.reviewer(annotator).isEmpty());
            assertTrue(store.reviewer("").isEmpty());
            String renewed = store.addReviewer("lead");
            assertTrue(store.reviewer(reviewer).isEmpty(), "a new token replaces the old");
            assertEquals(java.util.Optional.of("lead"), store.reviewer(renewed));
        }
    }

    @Test
    void eightAnnotatorsSavingConcurrentlyAreAllStored() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            ImageCatalog catalog = catalog(store, 2, 2);
            long image = catalog.all().get(0).id();
            Mask mask = Faces.mask(16, 12, (x, y) -> x == y);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String name = "annotator-" + t;
                results.add(pool.submit(() -> {
                    Annotator a = store.annotatorByName(name);
                    List<Long> saved = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        Task task = store.newTask(a.id(), Mode.SINGLE, List.of(image));
                        saved.add(store.save(new NewAnnotation(task.id(), a.id(), "single", image, null, "real", true,
                                null, null, null, mask, null, "web")));
                    }
                    return saved;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> f : results) {
                ids.addAll(f.get());
            }
            pool.shutdown();
            assertEquals(200, ids.size(), "every save got its own id");
            assertEquals(200, store.annotations().size());
            assertEquals(25, store.counts(store.annotator("annotator-3").orElseThrow().id()).annotations());
        }
    }

    @Test
    void anAddedAnnotatorsTokenIsStoredOnlyAsAHash() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            String token = store.addAnnotator("carol");
            Annotator carol = store.annotator("carol").orElseThrow();
            assertFalse(carol.tokenHash().contains(token));
            assertTrue(carol.accepts(token));
            assertFalse(carol.accepts(token + "x"));
            String renewed = store.addAnnotator("carol");
            assertFalse(store.annotator("carol").orElseThrow().accepts(token), "a new token replaces the old");
            assertTrue(store.annotator("carol").orElseThrow().accepts(renewed));
        }
    }

    @Test
    void annotatorNamesThatCannotBeFolderNamesAreRefused() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            for (String bad : new String[] {"../x", "a/b", ".hidden", "", "x y"}) {
                assertThrows(IllegalArgumentException.class, () -> store.annotatorByName(bad), bad);
            }
        }
    }

    @Test
    void aCocoFileImportsThroughItsDecoderIntoTheStore() throws Exception {
        // a 4 x 3 rectangle (pixels 2..5 by 1..3) on real-0.png, and a bounding box only, which is skipped
        Path coco = dir.resolve("coco.json");
        Files.writeString(coco, "{\"images\": [{\"id\": 1, \"file_name\": \"real-0.png\", \"width\": 16,"
                + " \"height\": 12}], \"annotations\": [{\"id\": 7, \"image_id\": 1, \"segmentation\":"
                + " [[2, 1, 6, 1, 6, 4, 2, 4]], \"attributes\": {\"annotator\": \"cvat-1\"}}, {\"id\": 8,"
                + " \"image_id\": 1, \"bbox\": [0, 0, 3, 3], \"segmentation\": []}]}");
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            catalog(store, 1, 1);
            cyborg.web.annotate.imports.Imported read =
                    cyborg.web.annotate.imports.MaskFormats.read(MaskImports.Format.COCO, coco);
            assertEquals(1, read.skipped().size(), read.skipped().toString());
            MaskImports.Report report = MaskImports.into(store, read.masks(), MaskImports.Format.COCO);
            assertEquals(1, report.imported());
            boolean[] stored = Mask.decode(store.annotations().get(0).maskPng(), "m", 1000).bits();
            int marked = 0;
            for (boolean b : stored) {
                marked += b ? 1 : 0;
            }
            assertEquals(12, marked);
            assertTrue(stored[1 * 16 + 2] && stored[3 * 16 + 5] && !stored[0] && !stored[4 * 16 + 6]);
        }
    }

    @Test
    void importedMasksAreMatchedByFileNameAndSkipsAreCounted() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"))) {
            catalog(store, 1, 1);
            boolean[] bits = new boolean[16 * 12];
            bits[5] = true;
            List<ImportedMask> masks = List.of(
                    new ImportedMask("real-0.png", "ls-1", 16, 12, bits),
                    new ImportedMask("some/folder/fake-0.png", "ls-2", 16, 12, bits),
                    new ImportedMask("nobody.png", "ls-1", 16, 12, bits),
                    new ImportedMask("real-0.png", "ls-1", 8, 24, new boolean[8 * 24]),
                    new ImportedMask("real-0.png", "bad/name", 16, 12, bits));
            MaskImports.Report report = MaskImports.into(store, masks, MaskImports.Format.COCO);
            assertEquals(2, report.imported());
            assertEquals(1, report.counts().get(AnnotationStore.ImportOutcome.UNKNOWN_IMAGE));
            assertEquals(1, report.counts().get(AnnotationStore.ImportOutcome.SIZE_MISMATCH));
            assertEquals(1, report.counts().get(AnnotationStore.ImportOutcome.BAD_ANNOTATOR_NAME));
            StoredAnnotation first = store.annotations().get(0);
            assertEquals("coco", first.source());
            assertNull(first.correct());
            assertTrue(Mask.decode(first.maskPng(), "m", 1000).bits()[5]);
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = AnnotationStoreTest.class.getResourceAsStream("/annotations-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
