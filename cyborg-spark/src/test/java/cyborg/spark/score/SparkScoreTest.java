package cyborg.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.explain.Explainer;
import cyborg.explain.ImageMeasures;
import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.CamTarget;
import cyborg.model.LoadedModel;
import cyborg.model.ModelInfo;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;
import cyborg.score.Score;
import cyborg.score.ScoreFile;
import cyborg.score.Scorer;
import cyborg.spark.Clusters;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** {@code spark score} on local[2] against {@code cyborg score}'s own code path, on a small random model. */
class SparkScoreTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path model;
    static Path images;
    static Path goodCsv;
    static Path badCsv;

    @BeforeAll
    static void setUp() throws IOException {
        model = dir.resolve("model");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 7);
            int[] cam = SavedModel.camSize(net, m, 32);
            SavedModel.save(model, net, ModelInfo.of(Architecture.SMALLRESNET, 32, cam));
        }
        images = dir.resolve("images");
        Random rng = new Random(3);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String cls = i % 2 == 0 ? "Real" : "Synthetic";
            String rel = "/" + (i % 2 == 0 ? "ffhq" : "stylegan") + "/img" + i + ".png";
            byte[] px = new byte[40 * 36 * 3];
            rng.nextBytes(px);
            ImageFiles.writePng(new RgbImage(40, 36, px), Path.of(images + rel));
            rows.add((i < 9 ? "test" : "train") + "," + cls + "," + rel);
        }
        goodCsv = dir.resolve("good.csv");
        Files.write(goodCsv, rows);
        Path broken = images.resolve("stylegan/broken.png");
        byte[] whole = Files.readAllBytes(images.resolve("ffhq/img0.png"));
        Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));
        List<String> withBad = new ArrayList<>(rows);
        withBad.add(3, "test,Synthetic,/stylegan/broken.png");
        withBad.add("test,Real,/ffhq/missing.png");
        badCsv = dir.resolve("bad.csv");
        Files.write(badCsv, withBad);
        spark = Clusters.start("spark-score-test", "local[2]", Map.of("spark.sql.debug.maxToStringFields", "200"));
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (spark != null) {
            spark.close();
        }
    }

    /** What {@code cyborg score --csv CSV --images ROOT --out FILE} writes (its code path, split test, batch 8). */
    static List<String> cyborgScore(Path csv) throws IOException {
        List<Sample> samples = SplitCsv.read(csv, images, SkipReport.failFast()).stream()
                .filter(s -> s.split().equals("test")).toList();
        Path file = dir.resolve("expected-" + csv.getFileName());
        try (Scorer scorer = new Scorer(LoadedModel.open(model))) {
            List<Score> scores = scorer.score(samples, 8, null, CamTarget.PREDICTED, SkipReport.failFast(), null);
            ScoreFile.write(file, scores);
        }
        return Files.readAllLines(file);
    }

    static SparkScore.Summary sparkScore(Path csv, Path out, ScoreJob.Format format, ScoreSettings settings,
            int partitions) throws IOException {
        return sparkScore(csv, out, format, settings, partitions, ScoreJob.Mode.ERROR);
    }

    static SparkScore.Summary sparkScore(Path csv, Path out, ScoreJob.Format format, ScoreSettings settings,
            int partitions, ScoreJob.Mode mode) throws IOException {
        List<ImageRef> refs = ImageListing.fromSplitCsv(csv, images.toString(), "test", null);
        return SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()), refs, out.toString(), format,
                settings, partitions, ScoreJob.Shipping.AUTO, mode), null);
    }

    /** A parquet table's rows by their path. */
    static Map<String, Row> byPath(Path table) {
        Map<String, Row> rows = new java.util.TreeMap<>();
        for (Row r : spark.read().parquet(table.toString()).collectAsList()) {
            assertNull(rows.put(r.getString(0), r), "twice: " + r.getString(0));
        }
        return rows;
    }

    /** The files under {@code folder}, by name relative to it. */
    static List<String> filesUnder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    static void assertSameScores(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            assertEquals(e.substring(0, e.lastIndexOf(',')), a.substring(0, a.lastIndexOf(',')), "path of row " + i);
            double es = Double.parseDouble(e.substring(e.lastIndexOf(',') + 1));
            double as = Double.parseDouble(a.substring(a.lastIndexOf(',') + 1));
            assertEquals(es, as, 1e-6, "score of " + e);
        }
    }

    @Test
    void csvScoresEqualCyborgScoresFileRowForRow() throws IOException {
        Path out = dir.resolve("out-csv");
        // 3 tasks of batch 4: other batch boundaries than cyborg score's batches of 8
        SparkScore.Summary summary = sparkScore(goodCsv, out, ScoreJob.Format.CSV, ScoreSettings.scores(4), 3);
        assertSameScores(cyborgScore(goodCsv), Files.readAllLines(out.resolve("scores.csv")));
        assertEquals(9, summary.scored());
        assertEquals(0, summary.errors());
        assertEquals(3, summary.partitions());
        // the driver's check loads it once and the two task slots reuse that copy or load one more:
        // never once per task
        assertTrue(summary.driverLoadMillis() > 0, summary.toString());
        assertTrue(summary.modelLoads() <= 1, "model loads by the tasks: " + summary.modelLoads());
        assertEquals("path,reason,message", Files.readAllLines(out.resolve("errors.csv")).get(0));
        List<String> detail = Files.readAllLines(out.resolve("scores-detail.csv"));
        assertEquals("path,score,label,predicted,source,model_id", detail.get(0));
        assertTrue(detail.get(1).endsWith(",ffhq," + ModelSpec.folder(model.toString()).id()), detail.get(1));
        assertEquals(10, detail.size());
        assertTrue(detail.get(1).startsWith(images + "/ffhq/img0.png,"), detail.get(1));
        assertTrue(detail.get(1).matches(".*,Real,(Real|Synthetic),ffhq,sha256:[0-9a-f]{16}"), detail.get(1));
        assertEquals(List.of("errors.csv", "scores-detail.csv", "scores.csv"), filesUnder(out),
                "no temporary folder, no .crc files");
    }

    @Test
    void badAndMissingImagesLandInTheErrorsTableAndTheRestIsScored() throws IOException {
        Path out = dir.resolve("out-bad");
        SparkScore.Summary summary = sparkScore(badCsv, out, ScoreJob.Format.CSV, ScoreSettings.scores(8), 2);
        assertEquals(9, summary.scored());
        assertEquals(2, summary.errors());
        assertEquals(Map.of("bad_image", 1L, "missing_file", 1L), summary.errorsByReason());
        assertSameScores(cyborgScore(goodCsv), Files.readAllLines(out.resolve("scores.csv")));
        List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
        assertEquals(3, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(1).startsWith(images + "/stylegan/broken.png,bad_image,"), errors.get(1));
        assertTrue(errors.get(2).startsWith(images + "/ffhq/missing.png,missing_file,"), errors.get(2));
    }

    @Test
    void parquetHoldsScoresCamPngsAndTheirEntropy() throws IOException {
        Path out = dir.resolve("out-parquet");
        SparkScore.Summary summary = sparkScore(badCsv, out, ScoreJob.Format.PARQUET,
                new ScoreSettings(8, true, null, false, 0), 0);
        assertEquals(9, summary.scored());
        assertEquals(List.of("path", "score", "label", "predicted", "source", "model_id", "cam_entropy", "cam_png"),
                List.of(spark.read().parquet(out.resolve("scores.parquet").toString()).columns()));
        Map<String, Row> rows = byPath(out.resolve("scores.parquet"));
        assertEquals(9, rows.size());
        for (String e : cyborgScore(goodCsv)) {
            Row r = rows.get(e.substring(0, e.lastIndexOf(',')));
            assertNotNull(r, e);
            assertEquals(Double.parseDouble(e.substring(e.lastIndexOf(',') + 1)), r.getFloat(1), 1e-6);
            double entropy = r.getDouble(6);
            assertTrue(entropy >= 0 && entropy <= 1, "entropy " + entropy);
            RgbImage cam = ImageFiles.decode((byte[]) r.get(7), Path.of("cam.png"), 1_000_000).rgb();
            assertEquals(32, cam.width());
            assertEquals(32, cam.height());
        }
        Map<String, Row> errors = byPath(out.resolve("errors.parquet"));
        assertEquals(2, errors.size());
        assertEquals("bad_image", errors.get(images + "/stylegan/broken.png").getString(1));
        assertEquals("missing_file", errors.get(images + "/ffhq/missing.png").getString(1));
        // partitioned, written by the tasks: the default is one task per core of local[2] at least
        List<String> files = filesUnder(out);
        assertTrue(files.stream().filter(f -> f.startsWith("scores.parquet/part-")).count() >= 2, files.toString());
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".crc")), "no .crc files: " + files);
    }

    @Test
    void urisAreReadThroughHadoopAndMeasuresEqualCyborgExplains() throws IOException {
        Path list = dir.resolve("list.txt");
        Path first = images.resolve("ffhq/img0.png");
        Path second = images.resolve("stylegan/img1.png");
        Files.write(list, List.of("# two images as file: URIs", first.toUri().toString(), "", second.toUri().toString()));
        Path out = dir.resolve("out-measures");
        List<ImageRef> refs = ImageListing.fromList(list.toString(), null);
        assertEquals(2, refs.size());
        assertNull(refs.get(0).label());
        assertEquals("ffhq", refs.get(0).source());
        SparkScore.Summary summary = SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()), refs,
                out.toUri().toString(), ScoreJob.Format.PARQUET, new ScoreSettings(8, false, null, true, 0), 0), null);
        assertEquals(2, summary.scored(), summary.toString());
        Map<String, Row> byPath = byPath(out.resolve("scores.parquet"));
        List<Row> rows = List.of(byPath.get(first.toUri().toString()), byPath.get(second.toUri().toString()));
        try (NDManager m = NDManager.newBaseManager()) {
            SavedModel saved = SavedModel.load(model, m);
            Explainer explainer = new Explainer(saved, m, SaliencyMethod.of("gradcam"), Explainer.referenceShift(32), 10, 1);
            for (int i = 0; i < 2; i++) {
                Path image = i == 0 ? first : second;
                ImageMeasures want = explainer.measure(new Sample(rows.get(i).getString(0), image, Label.REAL, "x",
                        "test", new Origin(image, 0)));
                Row r = rows.get(i);
                assertEquals(want.score, r.getFloat(1), 1e-6);
                assertEquals(want.entropy, r.getDouble(r.fieldIndex("entropy")), 1e-9);
                assertEquals(want.deletionAuc, r.getDouble(r.fieldIndex("deletion_auc")), 1e-6);
                assertEquals(want.noiseScore[2], r.getDouble(r.fieldIndex("noise_score_5pct")), 1e-6);
                assertEquals(want.equivarianceSsim.get("flip-lr"), r.getDouble(r.fieldIndex("equivariance_ssim_flip_lr")),
                        1e-6);
            }
        }
    }

    @Test
    void csvWithCamsWritesEachCamAsAPngAndItsPath() throws IOException {
        Path out = dir.resolve("out-cams");
        List<ImageRef> refs = ImageListing.fromSplitCsv(goodCsv, images.toString(), "test", 3);
        SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()), refs, out.toString(),
                ScoreJob.Format.CSV, new ScoreSettings(8, true, null, false, 0), 0), null);
        List<String> detail = Files.readAllLines(out.resolve("scores-detail.csv"));
        assertEquals("path,score,label,predicted,source,model_id,cam_entropy,cam_path", detail.get(0));
        assertEquals(4, detail.size());
        String camPath = detail.get(2).substring(detail.get(2).lastIndexOf(',') + 1);
        assertEquals(out.resolve("cams/stylegan/img1_cam.png").toString(), camPath, "named by the path under the image root");
        RgbImage cam = ImageFiles.readRgb(Path.of(camPath));
        assertEquals(32, cam.width());
    }

    @Test
    void aShippedModelIsLoadedFromTheJobsFilesAndScoresTheSame() throws IOException {
        Path out = dir.resolve("out-shipped");
        List<ImageRef> refs = ImageListing.fromSplitCsv(goodCsv, images.toString(), "test", null);
        SparkScore.Summary summary = SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()), refs,
                out.toString(), ScoreJob.Format.CSV, ScoreSettings.scores(8), 2, ScoreJob.Shipping.ALWAYS), null);
        // the tasks could not reuse the driver's copy: they loaded the shipped files
        assertTrue(summary.modelLoads() >= 1, summary.toString());
        assertSameScores(cyborgScore(goodCsv), Files.readAllLines(out.resolve("scores.csv")));
    }

    @Test
    void aParquetRunIntoTheFolderOfACsvRunIsRefusedNamingTheOldTables() throws IOException {
        Path out = dir.resolve("out-stale");
        sparkScore(goodCsv, out, ScoreJob.Format.CSV, ScoreSettings.scores(8), 1);
        List<String> before = Files.readAllLines(out.resolve("scores.csv"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sparkScore(goodCsv, out, ScoreJob.Format.PARQUET, ScoreSettings.scores(8), 1,
                        ScoreJob.Mode.OVERWRITE));
        assertEquals(out + " (--out) holds scores.csv, scores-detail.csv, errors.csv of an earlier run, which this"
                + " parquet run would not replace; remove them or choose another --out", e.getMessage());
        assertFalse(Files.exists(out.resolve("scores.parquet")), "refused before any work");
        assertEquals(before, Files.readAllLines(out.resolve("scores.csv")), "nothing of the earlier run is deleted");
        // the same form again replaces its own outputs
        sparkScore(goodCsv, out, ScoreJob.Format.CSV, ScoreSettings.scores(8), 1, ScoreJob.Mode.OVERWRITE);
    }

    @Test
    void anExistingOutIsRefusedByDefaultReplacedWithOverwriteAndAddedToWithAppend() throws IOException {
        Path out = dir.resolve("out-modes");
        sparkScore(goodCsv, out, ScoreJob.Format.PARQUET, ScoreSettings.scores(8), 2);
        List<String> first = filesUnder(out);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sparkScore(goodCsv, out, ScoreJob.Format.PARQUET, ScoreSettings.scores(8), 2));
        assertEquals(out + " (--out) already holds errors.parquet, scores.parquet; choose a new --out, or --mode"
                + " overwrite to replace its tables, or --mode append to add this run's rows to its parquet tables",
                e.getMessage());
        assertEquals(first, filesUnder(out), "refused before any work: nothing written, nothing removed");

        sparkScore(badCsv, out, ScoreJob.Format.PARQUET, ScoreSettings.scores(8), 3, ScoreJob.Mode.OVERWRITE);
        assertEquals(9, byPath(out.resolve("scores.parquet")).size());
        assertEquals(2, byPath(out.resolve("errors.parquet")).size(), "the errors of the second run replace none");
        assertTrue(filesUnder(out).stream().filter(f -> f.startsWith("scores.parquet/part-")).count() == 3,
                "the first run's part files are gone: " + filesUnder(out));

        sparkScore(goodCsv, out, ScoreJob.Format.PARQUET, ScoreSettings.scores(8), 2, ScoreJob.Mode.APPEND);
        assertEquals(18, spark.read().parquet(out.resolve("scores.parquet").toString()).count(), "9 rows added");
        assertEquals(2, spark.read().parquet(out.resolve("errors.parquet").toString()).count());
        assertTrue(filesUnder(out).stream().noneMatch(f -> f.endsWith(".crc") || f.contains("_temporary")),
                filesUnder(out).toString());

        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sparkScore(goodCsv,
                out, ScoreJob.Format.PARQUET, new ScoreSettings(8, true, null, false, 0), 2, ScoreJob.Mode.APPEND));
        assertTrue(e.getMessage().contains("--mode append needs the same (the same --cams and --measures)"),
                e.getMessage());
        assertEquals(18, spark.read().parquet(out.resolve("scores.parquet").toString()).count(), "nothing added");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sparkScore(goodCsv,
                dir.resolve("out-append-csv"), ScoreJob.Format.CSV, ScoreSettings.scores(8), 2, ScoreJob.Mode.APPEND));
        assertTrue(e.getMessage().startsWith("--mode append adds part files to parquet tables"), e.getMessage());
    }

    @Test
    void aFolderListedBySparkGivesEveryImageAtAnyDepthWithItsClassFromTheFolderNames() throws IOException {
        Path tree = dir.resolve("tree");
        byte[] png = Files.readAllBytes(images.resolve("ffhq/img0.png"));
        for (String f : List.of("real/ffhq/a.png", "1_fake/gan/deep/b.png", "loose/c.png", "loose/d.PNG")) {
            Files.createDirectories(tree.resolve(f).getParent());
            Files.write(tree.resolve(f), png);
        }
        Files.writeString(tree.resolve("real/notes.txt"), "not an image");
        ImageListing.Listed all = ImageListing.fromFiles(spark, tree.toUri().toString(), null, null);
        String root = "file:" + tree.toAbsolutePath();
        assertEquals(List.of(root + "/1_fake/gan/deep/b.png", root + "/loose/c.png", root + "/loose/d.PNG",
                root + "/real/ffhq/a.png"), all.images().stream().map(ImageRef::path).toList(), "sorted, at any depth");
        assertEquals(java.util.Arrays.asList("Synthetic", null, null, "Real"),
                all.images().stream().map(ImageRef::label).toList());
        assertEquals(List.of("deep", "loose", "loose", "ffhq"), all.images().stream().map(ImageRef::source).toList());
        assertEquals(List.of(root + "/real/notes.txt"), all.notImages(), "passed over, and said so");
        // a name filter, and a glob in the path (a local path without a scheme)
        assertEquals(List.of(root + "/1_fake/gan/deep/b.png", root + "/loose/c.png", root + "/real/ffhq/a.png"),
                ImageListing.fromFiles(spark, tree.toString(), "*.png", null).images().stream().map(ImageRef::path)
                        .toList());
        assertEquals(List.of(root + "/loose/c.png", root + "/loose/d.PNG"), ImageListing.fromFiles(spark,
                tree + "/l*", null, null).images().stream().map(ImageRef::path).toList());
        assertTrue(ImageListing.listedBySpark(tree + "/l*", null) && ImageListing.listedBySpark(tree.toUri().toString(),
                null) && ImageListing.listedBySpark(tree.toString(), "*.png") && !ImageListing.listedBySpark(
                tree.toString(), null));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ImageListing.fromFiles(spark, tree.resolve("nothing").toString(), "*.png", null));
        assertTrue(e.getMessage().startsWith("--folder " + tree.resolve("nothing") + ": "), e.getMessage());
        // scored as any listing is: the executors read the URIs
        SparkScore.Summary summary = SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()),
                all.images(), dir.resolve("out-tree").toString(), ScoreJob.Format.CSV, ScoreSettings.scores(8), 2),
                null);
        assertEquals(4, summary.scored(), summary.toString());
    }

    @Test
    void theModelIdIsTheModelsContentNotItsPath() throws IOException {
        Path copy = dir.resolve("model-copy");
        Files.createDirectories(copy);
        for (String f : List.of(SavedModel.SIDECAR, SavedModel.WEIGHTS)) {
            Files.copy(model.resolve(f), copy.resolve(f));
        }
        String id = ModelSpec.folder(model.toString()).id();
        assertTrue(id.matches("sha256:[0-9a-f]{16}"), id);
        assertEquals(id, ModelSpec.folder(copy.toString()).id());
        Path other = dir.resolve("model-other");
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = Architecture.SMALLRESNET.create(m, 8);
            SavedModel.save(other, net, ModelInfo.of(Architecture.SMALLRESNET, 32, SavedModel.camSize(net, m, 32)));
        }
        assertNotEquals(id, ModelSpec.folder(other.toString()).id());
    }

    @Test
    void aCsvRunWithoutCamsIntoAFolderWithCamsIsRefused() throws IOException {
        Path out = dir.resolve("out-stale-cams");
        List<ImageRef> refs = ImageListing.fromSplitCsv(goodCsv, images.toString(), "test", 2);
        SparkScore.run(spark, new ScoreJob(ModelSpec.folder(model.toString()), refs, out.toString(),
                ScoreJob.Format.CSV, new ScoreSettings(8, true, null, false, 0), 0), null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sparkScore(goodCsv, out, ScoreJob.Format.CSV, ScoreSettings.scores(8), 1,
                        ScoreJob.Mode.OVERWRITE));
        assertTrue(e.getMessage().startsWith(out + " (--out) holds cams of an earlier run"), e.getMessage());
    }

    @Test
    void aFullDeviceUnderTheCamFilesIsOneLineNamingTheCamFolder() throws IOException {
        Path out = dir.resolve("out-full");
        Path cams = out.resolve("cams");
        List<ImageRef> refs = ImageListing.fromSplitCsv(goodCsv, images.toString(), "test", 2);
        // A PRIVATE full device (1,7) where the first CAM goes (named as CamFiles names it); never the
        // system's /dev/full.
        Path first = cams.resolve(ImageOutputs.relative(new ImageId(refs.get(0).id()), "_cam.png"));
        Files.createDirectories(first.getParent());
        Process mknod = new ProcessBuilder("mknod", first.toString(), "c", "1", "7").inheritIO().start();
        try {
            assertEquals(0, mknod.waitFor(), "mknod needs root, as here and in CI");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> SparkScore.run(spark,
                new ScoreJob(ModelSpec.folder(model.toString()), refs, out.toString(), ScoreJob.Format.CSV,
                        new ScoreSettings(8, true, null, false, 0), 1, ScoreJob.Shipping.AUTO,
                        ScoreJob.Mode.OVERWRITE), null));
        assertEquals(out + "/cams: no space left on the device; free some space or write elsewhere", e.getMessage());
        assertTrue(Files.readAttributes(first, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "the device node was replaced by a regular file");
    }

    @Test
    void hadoopsFsErrorInASparkFailureIsOneLineNamingTheOutput() throws IOException {
        // Hadoop's local file system reports a full disk as FSError (an Error, not an exception): made
        // here by writing through it onto a PRIVATE full device (1,7), never the system's /dev/full.
        Path full = dir.resolve("full-for-hadoop");
        Process mknod = new ProcessBuilder("mknod", full.toString(), "c", "1", "7").inheritIO().start();
        try {
            assertEquals(0, mknod.waitFor(), "mknod needs root, as here and in CI");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        org.apache.hadoop.fs.FileSystem local = org.apache.hadoop.fs.FileSystem.getLocal(
                new org.apache.hadoop.conf.Configuration()).getRaw();
        Error fsError = org.junit.jupiter.api.Assertions.assertThrows(org.apache.hadoop.fs.FSError.class, () -> {
            try (var out = local.create(new org.apache.hadoop.fs.Path(full.toUri()), true)) {
                out.write(new byte[1 << 16]);
            }
        });
        // as Spark hands a failed write task's exception to the driver
        Throwable failure = new org.apache.spark.SparkException("Job aborted due to stage failure", fsError);
        assertEquals("hdfs:///scored/run1: no space left on the device; free some space or write elsewhere",
                SparkScore.outputFault("hdfs:///scored/run1", failure, false).getMessage());
        assertEquals(out(dir) + ": no space left on the device; free some space or write elsewhere",
                SparkScore.outputFault(out(dir), fsError, false).getMessage());
        RuntimeException other = new IllegalStateException("not a file-system fault");
        assertEquals(other, org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SparkScore.outputFault("out", other, false)));
    }

    private static String out(Path dir) {
        return dir.resolve("scored").toString();
    }
}
