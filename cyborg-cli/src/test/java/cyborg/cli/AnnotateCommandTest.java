package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.Annotator;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.ImageRecord;
import cyborg.web.annotate.MapExport;
import cyborg.web.annotate.Mask;
import cyborg.web.annotate.Mode;
import cyborg.web.annotate.NewAnnotation;
import cyborg.web.annotate.StoredAnnotation;
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
    void exportLeavesOutRejectedAnnotationsAndWithAcceptedOnlyTheUnreviewedToo(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        annotateToyTrainImages(db);
        StoredAnnotation rejected;
        StoredAnnotation accepted;
        int perAnnotator;
        try (AnnotationStore store = AnnotationStore.open(db)) {
            List<StoredAnnotation> all = store.annotations();
            perAnnotator = all.size() / 2;
            rejected = all.stream().filter(a -> a.annotator().equals("ann")).findFirst().orElseThrow();
            accepted = all.stream().filter(a -> a.annotator().equals("ben")).findFirst().orElseThrow();
            store.review(rejected.id(), "lead", "accept", null);
            store.review(rejected.id(), "lead", "reject", "paints the background"); // the newest counts
            store.review(accepted.id(), "lead", "accept", null);
        }
        Path maps = dir.resolve("maps");
        Path jsonl = dir.resolve("a.jsonl");
        Cli export = Cli.run("annotate", "export", "--db", db.toString(), "--maps", maps.toString(), "--jsonl",
                jsonl.toString());
        assertEquals(0, export.status, export.toString());
        assertTrue(export.out.contains("left out 1 annotation(s) of ann: 1 rejected\n"), export.out);
        assertFalse(export.out.contains("of ben"), export.out);
        assertTrue(export.out.contains("exported " + (2 * perAnnotator - 1) + " map(s)"), export.out);
        String rejectedMap = ImageOutputs.relative(new ImageId(rejected.image().path()), ".png");
        assertFalse(Files.exists(maps.resolve("ann").resolve(rejectedMap)), "a rejected mask is not exported");
        assertTrue(Files.exists(maps.resolve("ben").resolve(rejectedMap)), "the other annotator's mask is");
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(2 * perAnnotator - 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"id\":" + accepted.id() + ",")
                && l.contains("\"review\":{\"verdict\":\"accept\",\"reviewer\":\"lead\"")), lines.get(0));
        assertTrue(Files.readString(maps.resolve(MapExport.REPORT)).contains(",1,,,"), "the rejected mask's image"
                + " has one mask left, so no agreement");

        Path only = dir.resolve("only");
        Cli acceptedOnly = Cli.run("annotate", "export", "--db", db.toString(), "--maps", only.toString(),
                "--accepted-only");
        assertEquals(0, acceptedOnly.status, acceptedOnly.toString());
        assertTrue(acceptedOnly.out.contains("left out " + perAnnotator + " annotation(s) of ann: 1 rejected, "
                + (perAnnotator - 1) + " not reviewed (--accepted-only)"), acceptedOnly.out);
        assertTrue(acceptedOnly.out.contains("left out " + (perAnnotator - 1) + " annotation(s) of ben: "
                + (perAnnotator - 1) + " not reviewed (--accepted-only)\n"), acceptedOnly.out);
        assertTrue(acceptedOnly.out.contains("exported 1 map(s)"), acceptedOnly.out);
        assertTrue(Files.exists(only.resolve("ben").resolve(ImageOutputs.relative(new ImageId(accepted.image().path()),
                ".png"))), "the accepted mask is exported");
        Cli help = Cli.run("annotate", "export", "--help");
        assertTrue(help.out.contains("--accepted-only"), help.out);
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

    @Test
    void reportWritesMarkdownJsonAndFiguresOfTheStudyOverItsImages(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        annotateToyTrainImages(db);
        Path out = dir.resolve("report");
        Cli r = Cli.run("annotate", "report", "--db", db.toString(), "--out", out.toString(), "--images", Toy.images(),
                "--grid", "4", "--maps", Toy.data().resolve("maps").toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.contains("masks against the human maps of "), r.out);
        assertTrue(r.out.contains("report of 2 annotator(s)"), r.out);
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
                Files.readString(out.resolve("report.json"))).getAsJsonObject();
        com.google.gson.JsonObject agreement = json.getAsJsonObject("agreement");
        int images = agreement.getAsJsonArray("images").size();
        assertTrue(images > 0, json.toString());
        assertEquals(images, agreement.get("images_with_two_or_more_masks").getAsInt());
        assertEquals(0.8, agreement.get("mean_iou").getAsDouble(), 1e-9); // 16 of 20 columns shared, every image
        assertEquals(Toy.images(), json.get("images_root").getAsString());
        // every training image of the toy benchmark has human maps: every mask is compared
        assertEquals(2 * images, json.getAsJsonObject("human_maps").getAsJsonObject("overall").get("masks").getAsInt());
        for (String f : new String[] {"report.md", "agreement-iou.png", "agreement-iou.svg", "masks-real-grid.png",
                "masks-synthetic-mean.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| ann | ") && md.contains("| ben | "), md);
        assertTrue(md.contains("median 1.4 s (quartiles 1.4–1.4 s"), md); // 500 + 900 ms each
    }

    @Test
    void reportOfAnEmptyDatabaseSaysSoAndHasHelpWithAnExample(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("a.db");
        AnnotationStore.open(db).close();
        Cli r = Cli.run("annotate", "report", "--db", db.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("no annotations yet"), r.err);
        Cli missing = Cli.run("annotate", "report", "--db", dir.resolve("nope.db").toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, missing.status);
        assertTrue(missing.err.contains("nope.db: no such annotation database"), missing.err);
        Cli help = Cli.run("annotate", "report", "--help");
        assertEquals(0, help.status, help.toString());
        assertTrue(help.out.contains("  cyborg annotate report --db "), "no example in:\n" + help.out);
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

        Path all = dir.resolve("all-gold.txt");
        Files.writeString(all, "real/src/r-1.png\nsynthetic/gan/f-1.png\n");
        Cli allGold = Cli.run("annotate", "--folder", data.toString(), "--db", db, "--port", "0", "--gold", "0.2",
                "--gold-images", all.toString());
        assertEquals(1, allGold.status, allGold.toString());
        assertTrue(allGold.err.contains("leave no Real and Synthetic image to annotate as work"), allGold.err);

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
