package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Annotator;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import cyborg.web.annotate.NewAnnotation;
import cyborg.web.annotate.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** cyborg annotate's offline subcommands: add-annotator, export (read by train --maps), import. */
class AnnotateCommandTest {
    /** Two annotators mask every training image of the toy benchmark (the store as the server fills it). */
    private static void annotateToyTrainImages(Path db) throws Exception {
        List<Sample> train = SplitCsv.read(Path.of(Toy.csv()), Path.of(Toy.images()), SkipReport.failFast()).stream()
                .filter(s -> s.split().equals("train")).toList();
        try (AnnotationStore store = AnnotationStore.open(db)) {
            ImageCatalog catalog = ImageCatalog.register(store, Path.of(Toy.images()), train);
            for (String name : new String[] {"ann", "ben"}) {
                Annotator who = store.annotatorByName(name);
                for (ImageRecord image : catalog.all()) {
                    Task task = store.newTask(who.id(), Mode.SINGLE, List.of(image.id()));
                    int edge = name.equals("ann") ? 16 : 20;
                    boolean[] bits = new boolean[image.width() * image.height()];
                    for (int i = 0; i < bits.length; i++) {
                        bits[i] = i % image.width() < edge;
                    }
                    store.save(new NewAnnotation(task.id(), who.id(), "single", image.id(), null,
                            image.label().displayName().toLowerCase(), true, 500L, 900L, null,
                            new Mask(image.width(), image.height(), bits), null, "web"));
                }
            }
        }
    }

    @Test
    void exportedMapsTrainAModelWithEveryTrainingImageMapped(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        annotateToyTrainImages(db);
        Path maps = dir.resolve("maps");
        Cli export = Cli.run("annotate", "export", "--db", db.toString(), "--maps", maps.toString(), "--merged",
                dir.resolve("merged").toString(), "--jsonl", dir.resolve("a.jsonl").toString());
        assertEquals(0, export.status, export.toString());
        assertTrue(export.out.contains("mean IoU 0.800"), export.out); // 16 of 20 columns shared
        assertTrue(Files.isDirectory(maps.resolve("ann")) && Files.isDirectory(maps.resolve("ben")));

        Cli train = Cli.run(ToyTraining.args(dir.resolve("run"), "--maps", maps.toString(), "--loss", "cyborg"));
        assertEquals(0, train.status, train.toString());
        assertTrue(train.out.contains("(0 without a usable human map)"), train.out);
    }

    @Test
    void mergedMapsAreRefusedInTheFolderOfThePerAnnotatorMaps(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        AnnotationStore.open(db).close();
        Cli r = Cli.run("annotate", "export", "--db", db.toString(), "--maps", dir.resolve("m").toString(),
                "--merged", dir.resolve("m").toString());
        assertEquals(1, r.status);
        assertTrue(r.err.contains("--merged must be another folder"), r.err);
    }

    @Test
    void addAnnotatorPrintsATokenTheDatabaseAccepts(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        Cli r = Cli.run("annotate", "add-annotator", "--db", db.toString(), "carol");
        assertEquals(0, r.status, r.toString());
        try (AnnotationStore store = AnnotationStore.open(db)) {
            assertTrue(store.annotator("carol").orElseThrow().accepts(r.out.strip()));
        }
        Cli bad = Cli.run("annotate", "add-annotator", "--db", db.toString(), "../evil");
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains("not valid"), bad.err);
    }

    @Test
    void addReviewerPrintsATokenThatOpensTheOverviewAndHasHelpWithAnExample(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        Cli r = Cli.run("annotate", "add-reviewer", "--db", db.toString(), "lead");
        assertEquals(0, r.status, r.toString());
        try (AnnotationStore store = AnnotationStore.open(db)) {
            assertEquals(java.util.Optional.of("lead"), store.reviewer(r.out.strip()));
        }
        Cli help = Cli.run("annotate", "add-reviewer", "--help");
        assertEquals(0, help.status, help.toString());
        assertTrue(help.out.startsWith("Usage: cyborg annotate add-reviewer"), help.out);
        assertTrue(help.out.contains("  cyborg annotate add-reviewer --db "), "no example in:\n" + help.out);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    // without the check the server starts and runs until stopped: fail, not hang
    void annotateOnTheDatabaseOfAnotherDataSetStopsWithAnErrorNamingItsImages(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        annotateToyTrainImages(db);
        Path other = dir.resolve("other");
        for (String f : new String[] {"real/src/r-1.png", "synthetic/gan/f-1.png"}) {
            Files.createDirectories(other.resolve(f).getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", other.resolve(f).toFile());
        }
        Cli r = Cli.run("annotate", "--folder", other.toString(), "--db", db.toString(), "--port", "0");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: " + db + " was made on another data set"), r.err);
        assertTrue(r.err.contains("real/src/r-1.png") && r.err.contains("another --db"), r.err);
    }

    // ---- issue 25: a study's options ----

    private static Path twoImages(Path dir) throws Exception {
        Path data = dir.resolve("data");
        for (String f : new String[] {"real/src/r-1.png", "synthetic/gan/f-1.png"}) {
            Files.createDirectories(data.resolve(f).getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", data.resolve(f).toFile());
        }
        return data;
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void studyOptionsThatCannotWorkStopWithAnErrorNamingTheOptionFileOrLine(@TempDir Path dir) throws Exception {
        Path data = twoImages(dir);
        String db = dir.resolve("a.db").toString();
        Cli overlap = Cli.run("annotate", "--folder", data.toString(), "--db", db, "--port", "0", "--per-image", "2",
                "--overlap", "3");
        assertEquals(1, overlap.status, overlap.toString());
        assertTrue(overlap.err.startsWith("error: --overlap 3 is more than --per-image 2"), overlap.err);

        Path missing = dir.resolve("study.md");
        Cli instructions = Cli.run("annotate", "--folder", data.toString(), "--db", db, "--port", "0",
                "--instructions", missing.toString());
        assertEquals(1, instructions.status, instructions.toString());
        assertTrue(instructions.err.startsWith("error: " + missing + ": cannot read the instructions"), instructions.err);

        Path list = dir.resolve("gold.txt");
        Files.writeString(list, "# gold\nreal/src/r-1.png\nreal/src/nope.png\n");
        Cli gold = Cli.run("annotate", "--folder", data.toString(), "--db", db, "--port", "0", "--gold", "0.2",
                "--gold-images", list.toString());
        assertEquals(1, gold.status, gold.toString());
        assertTrue(gold.err.startsWith("error: " + list + ":3: 'real/src/nope.png' is not one of the 2 image(s)"),
                gold.err);

        Cli noGold = Cli.run("annotate", "--folder", data.toString(), "--db", db, "--port", "0", "--gold", "0.2");
        assertEquals(1, noGold.status, noGold.toString());
        assertTrue(noGold.err.contains("--gold needs gold images"), noGold.err);
    }

    @Test
    void exportWithAMinimumGoldAccuracyDropsTheCarelessAndNamesThoseItCouldNotJudge(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("a.db");
        annotateToyTrainImages(db);
        try (AnnotationStore store = AnnotationStore.open(db)) {
            Annotator ben = store.annotator("ben").orElseThrow();
            ImageRecord image = store.images().get(0);
            Task task = store.newTask(ben.id(), Mode.SINGLE, List.of(image.id()), cyborg.web.annotate.TaskKind.GOLD);
            store.save(new NewAnnotation(task.id(), ben.id(), "single", image.id(), null, "real", false, 500L, 900L,
                    null, null, null, "web"));
        }
        Cli r = Cli.run("annotate", "export", "--db", db.toString(), "--maps", dir.resolve("maps").toString(),
                "--min-gold-accuracy", "0.5");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("dropped ben (gold accuracy 0.000 < 0.500 over 1 gold decision(s))"), r.out);
        assertTrue(r.out.contains("kept ann (no gold decisions"), r.out);
        assertTrue(Files.isDirectory(dir.resolve("maps/ann")));
        assertTrue(Files.notExists(dir.resolve("maps/ben")), "ben's maps are not exported");
    }
}
