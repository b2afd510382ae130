package cyborg.web.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import cyborg.data.Label;
import cyborg.explain.Ssim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** annotate report's files: numbers against hand-computed ones, figures that are real PNG and SVG. */
class StudyReportTest {
    private static final double EPS = 1e-9;
    private static final Mask LEFT4 = Faces.mask(16, 12, (x, y) -> x < 4);
    private static final Mask LEFT2 = Faces.mask(16, 12, (x, y) -> x < 2);
    private static final Mask RIGHT4 = Faces.mask(16, 12, (x, y) -> x >= 12);
    private static final Mask TOP3 = Faces.mask(16, 12, (x, y) -> y < 3);

    @TempDir
    Path dir;

    private ImageRecord real0;
    private ImageRecord real1;
    private ImageRecord fake0;
    private ImageRecord fake1;

    private static long pick(AnnotationStore store, String name, ImageRecord chosen, ImageRecord other, Mask mask,
            long msDecide, long msPaint) throws Exception {
        Annotator who = store.annotatorByName(name);
        Task task = store.newTask(who.id(), Mode.PAIR, List.of(chosen.id(), other.id()));
        return store.save(new NewAnnotation(task.id(), who.id(), "pair", chosen.id(), other.id(), "synthetic",
                chosen.label() == Label.SYNTHETIC, msDecide, msPaint, null, mask, null, "web"));
    }

    /**
     * fake0: alice LEFT4, bob LEFT2 (IoU 0.5), carol LEFT4 rejected; fake1: alice LEFT4, bob RIGHT4 (IoU 0);
     * real0: alice's wrong pick, TOP3 (one mask: no agreement).
     */
    private AnnotationStore study() throws Exception {
        AnnotationStore store = AnnotationStore.open(dir.resolve("a.db"));
        List<ImageRecord> images = ImageCatalog.register(store, dir.resolve("data"),
                Faces.write(dir.resolve("data"), 2, 2, 16, 12)).all();
        real0 = images.get(0);
        real1 = images.get(1);
        fake0 = images.get(2);
        fake1 = images.get(3);
        assertEquals(List.of(Label.REAL, Label.REAL, Label.SYNTHETIC, Label.SYNTHETIC),
                images.stream().map(ImageRecord::label).toList());
        pick(store, "alice", fake0, real0, LEFT4, 1000, 2000);
        pick(store, "alice", fake1, real1, LEFT4, 2000, 2000);
        pick(store, "alice", real0, fake0, TOP3, 3000, 3000);
        pick(store, "bob", fake0, real0, LEFT2, 500, 500);
        pick(store, "bob", fake1, real1, RIGHT4, 1500, 500);
        long careless = pick(store, "carol", fake0, real0, LEFT4, 100, 100);
        store.review(careless, "lead", Review.REJECT, "too quick");
        return store;
    }

    @Test
    void reportJsonHoldsTheHandComputedNumbersAndTheFiguresAreValidPngAndSvg() throws Exception {
        Path out = dir.resolve("report");
        try (AnnotationStore store = study()) {
            StudyReport.write(store, out, null, 8);
        }
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
        assertEquals(1, json.get("rejected_left_out").getAsInt());
        JsonObject study = json.getAsJsonObject("study");
        assertEquals(3, study.get("annotators").getAsInt());
        JsonObject all = study.getAsJsonObject("overall");
        assertEquals(6, all.get("annotations").getAsInt());
        assertEquals(6, all.get("work").getAsInt());
        assertEquals(1.0, all.getAsJsonObject("rejected").get("share").getAsDouble());
        JsonArray per = study.getAsJsonArray("per_annotator");
        JsonObject alice = per.get(0).getAsJsonObject();
        assertEquals("alice", alice.get("annotator").getAsString());
        assertEquals(2.0 / 3, alice.getAsJsonObject("accuracy").get("share").getAsDouble(), EPS);
        // alice's totals 3000, 4000, 6000 ms: median 4000, quartiles 3500 and 5000
        JsonObject total = alice.getAsJsonObject("times").getAsJsonObject("total_ms");
        assertEquals(List.of(4000.0, 3500.0, 5000.0), List.of(total.get("median").getAsDouble(),
                total.get("q1").getAsDouble(), total.get("q3").getAsDouble()));
        assertEquals(3 * 3_600_000.0 / 13_000, alice.getAsJsonObject("throughput").get("per_active_hour")
                .getAsDouble(), 1e-6);
        JsonObject carol = per.get(2).getAsJsonObject();
        assertEquals(1, carol.getAsJsonObject("rejected").get("count").getAsInt());

        JsonObject agreement = json.getAsJsonObject("agreement");
        assertEquals(2, agreement.get("images_with_two_or_more_masks").getAsInt(), "carol's rejected mask left out");
        JsonArray rows = agreement.getAsJsonArray("images");
        assertEquals(fake0.id(), rows.get(0).getAsJsonObject().get("id").getAsLong());
        assertEquals(0.5, rows.get(0).getAsJsonObject().get("iou").getAsDouble(), EPS);
        assertEquals(0.0, rows.get(1).getAsJsonObject().get("iou").getAsDouble(), EPS);
        assertEquals(Ssim.of(LEFT4.gray(), LEFT2.gray(), 16, 12), rows.get(0).getAsJsonObject().get("ssim")
                .getAsDouble(), EPS);
        assertEquals(0.25, agreement.get("mean_iou").getAsDouble(), EPS);
        JsonObject iou = agreement.getAsJsonObject("iou_histogram").getAsJsonObject("counts");
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0}, ints(iou.getAsJsonArray("Synthetic")));
        assertArrayEquals(new int[10], ints(iou.getAsJsonArray("Real")));

        JsonArray masks = json.getAsJsonArray("mean_masks");
        assertEquals(2, masks.size());
        JsonObject synthetic = masks.get(1).getAsJsonObject();
        assertEquals("Synthetic", synthetic.get("label").getAsString());
        assertEquals(2, synthetic.get("images").getAsInt());
        assertEquals(4, synthetic.get("masks").getAsInt());

        for (String f : List.of("agreement-iou.png", "agreement-ssim.png", "masks-real-grid.png", "masks-real-mean.png",
                "masks-synthetic-grid.png", "masks-synthetic-mean.png")) {
            assertTrue(ImageIO.read(out.resolve(f).toFile()) != null, f + " is not a PNG");
        }
        for (String f : List.of("agreement-iou.svg", "agreement-ssim.svg")) {
            assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(f).toFile())
                    .getDocumentElement().getNodeName());
        }
        // the synthetic class mean on black, 16x enlarged: image pixel (0,0) is marked by fake0's two masks and
        // by one of fake1's two, a share of (1 + 0.5) / 2 = 0.75, the peak (drawn as 1: jet(1) = (0.5, 0, 0));
        // pixel (2,0) by one of fake0's and one of fake1's: 0.5, drawn as 0.5 / 0.75 = 2/3
        assertEquals(0.75, synthetic.get("mean_peak").getAsDouble(), EPS);
        BufferedImage mean = ImageIO.read(out.resolve("masks-synthetic-mean.png").toFile());
        assertEquals(256, mean.getWidth());
        assertEquals(192, mean.getHeight());
        assertEquals(0x800000, mean.getRGB(8, 8) & 0xFFFFFF);
        double[] twoThirds = MeanMasks.jet(2.0 / 3);
        assertEquals((int) Math.round(twoThirds[0] * 255) << 16 | (int) Math.round(twoThirds[1] * 255) << 8
                | (int) Math.round(twoThirds[2] * 255), mean.getRGB(2 * 16 + 8, 8) & 0xFFFFFF);
        assertEquals(0, mean.getRGB(8 * 16 + 8, 8) & 0xFFFFFF, "x = 8: no mask marks it");

        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.startsWith("# Annotation study report\n"), md);
        assertTrue(md.contains("- Annotators: 3\n"), md);
        assertTrue(md.contains("| alice | 3 | 2.0 (1.5–2.5) | 2.0 (2.0–2.5) | 4.0 (3.5–5.0) |"), md);
        assertTrue(md.contains("![IoU histogram](agreement-iou.png)") && md.contains("(masks-synthetic-grid.png)"), md);
        assertTrue(md.contains("Drawn on black: no data root was given"), md);
        assertTrue(md.contains("| fake-0.png | Synthetic | 2 | 0.500 |"), md);
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    @Test
    void withTheDataRootTheMasksAreDrawnOverTheImagesAndAWrongRootIsNamed() throws Exception {
        Path out = dir.resolve("report");
        try (AnnotationStore store = study()) {
            StudyReport.Report r = StudyReport.write(store, out, dir.resolve("data"), 1);
            assertTrue(r.meanMasks().get(1).overImages());
            assertEquals(1, r.meanMasks().get(1).grid().size());
            assertEquals(fake0.id(), r.meanMasks().get(1).grid().get(0).id(), "two masks each: the lower id first");
            // a pixel no mask marks shows the image itself (enlarged 10x: 16 px into a 160 px cell, nearest)
            BufferedImage grid = ImageIO.read(out.resolve("masks-synthetic-grid.png").toFile());
            BufferedImage face = ImageIO.read(dir.resolve("data").resolve(fake0.path()).toFile());
            int top = 6 + (160 - 120) / 2;
            assertEquals(face.getRGB(10, 5) & 0xFFFFFF, grid.getRGB(6 + 10 * 10 + 5, top + 5 * 10 + 5) & 0xFFFFFF);
            assertFalse(Files.readString(out.resolve("report.md")).contains("Drawn on black"));

            Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StudyReport.write(store, dir.resolve("r2"), elsewhere, 8));
            assertTrue(e.getMessage().contains(elsewhere.resolve(real0.path()).toString())
                    || e.getMessage().contains(elsewhere.resolve(fake0.path()).toString()), e.getMessage());
            assertFalse(Files.exists(dir.resolve("r2")), "checked before anything is written");
            // the right path holding another picture (another size) is named too
            Path moved = dir.resolve("moved");
            for (ImageRecord i : List.of(real0, real1, fake0, fake1)) {
                Files.createDirectories(moved.resolve(i.path()).getParent());
                ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                        moved.resolve(i.path()).toFile());
            }
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> StudyReport.write(store, dir.resolve("r3"), moved, 8));
            assertTrue(other.getMessage().contains("is 8x8 but was 16x12 when annotated"), other.getMessage());
        }
    }

    @Test
    void withHumanMapsEachAnnotatorsMasksAreComparedToEveryMapOfTheirImage() throws Exception {
        Path maps = dir.resolve("maps");
        try (AnnotationStore store = study()) {
            // fake0 has two maps: LEFT4 at its size, TOP3 at twice its size (resampled); fake1 none
            Path first = maps.resolve(fake0.path().replace(".png", ".1.png"));
            Files.createDirectories(first.getParent());
            Files.write(first, LEFT4.png());
            Files.write(maps.resolve(fake0.path().replace(".png", ".2.png")),
                    Faces.mask(32, 24, (x, y) -> y < 6).png());
            StudyReport.Report r = StudyReport.write(store, dir.resolve("out"), null, 8, maps);
            MapAgreement.Result h = r.humanMaps();
            assertEquals(1, h.imagesWithMaps());
            // alice LEFT4: IoU 1 with LEFT4, 12/84 with TOP3; bob LEFT2: 24/48 and 6/66; carol's rejected
            double alice = (1 + 12.0 / 84) / 2;
            double bob = (24.0 / 48 + 6.0 / 66) / 2;
            assertEquals(List.of("alice", "bob"), h.perAnnotator().stream().map(MapAgreement.AnnotatorIou::annotator)
                    .toList());
            assertEquals(alice, h.perAnnotator().get(0).meanIou(), EPS);
            assertEquals(bob, h.perAnnotator().get(1).meanIou(), EPS);
            assertEquals(2, h.overall().masks());
            assertEquals((alice + bob) / 2, h.overall().meanIou(), EPS);
            JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("out").resolve("report.json")))
                    .getAsJsonObject();
            assertEquals(alice, json.getAsJsonObject("human_maps").getAsJsonArray("per_annotator").get(0)
                    .getAsJsonObject().get("mean_iou").getAsDouble(), EPS);
            assertTrue(Files.readString(dir.resolve("out").resolve("report.md"))
                    .contains(String.format(java.util.Locale.ROOT, "| alice | 1 | %.3f |", alice)));

            Path notThere = dir.resolve("no-maps");
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> StudyReport.write(store, dir.resolve("out2"), null, 8, notThere));
            assertTrue(e.getMessage().contains(notThere.toString()), e.getMessage());
            assertFalse(Files.exists(dir.resolve("out2")), "nothing written");
        }
    }

    @Test
    void anEmptyDatabaseIsAClearErrorAndNoReport() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("empty.db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StudyReport.write(store, dir.resolve("out"), null, 8));
            assertTrue(e.getMessage().contains("no annotations yet"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aLongPerImageTableGoesToACsvBesideTheMarkdown() throws Exception {
        Path data = dir.resolve("many");
        try (AnnotationStore store = AnnotationStore.open(dir.resolve("m.db"))) {
            List<ImageRecord> images = ImageCatalog.register(store, data,
                    Faces.write(data, 1, StudyReport.TABLE_ROWS + 1, 8, 8)).all();
            ImageRecord real = images.get(0);
            for (ImageRecord fake : images.subList(1, images.size())) {
                pick(store, "ann", fake, real, Faces.mask(8, 8, (x, y) -> x < 4), 100, 100);
                pick(store, "ben", fake, real, Faces.mask(8, 8, (x, y) -> x < 2), 100, 100);
            }
            StudyReport.Report r = StudyReport.write(store, dir.resolve("out"), null, 4);
            assertEquals(MapExport.REPORT, r.agreement().csv());
            assertEquals(StudyReport.TABLE_ROWS + 1, r.agreement().images().size());
            List<String> csv = Files.readAllLines(dir.resolve("out").resolve(MapExport.REPORT));
            assertEquals(StudyReport.TABLE_ROWS + 2, csv.size(), "header and a row per image");
            assertTrue(csv.get(1).contains(",0.500000,"), csv.get(1));
            assertEquals(4, r.meanMasks().get(0).grid().size());
            assertNull(r.meanMasks().stream().filter(m -> m.label().equals("Real")).findFirst().orElse(null),
                    "no Real image has a mask");
        }
    }
}
