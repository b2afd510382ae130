package cyborg.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.image.ImageFiles;
import cyborg.image.RgbImage;
import cyborg.spark.Clusters;
import cyborg.spark.score.ModelPool;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Transformer on local[2] against {@code cyborg score}'s own code path, on the synth open set. */
class CyborgScorerTest {
    static SparkSession spark;
    static OpenSet data;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        data = OpenSet.get();
        spark = Clusters.start("cyborg-scorer-test", "local[2]", Map.of());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    static Dataset<Row> binaryFiles() {
        return data.pngs(spark);
    }

    @Test
    void scoresABinaryFileFrameAsCyborgScoreAndTurnsTheCorruptImageIntoAnErrorRow() throws Exception {
        Dataset<Row> images = binaryFiles().repartition(4);
        long loadsBefore = ModelPool.loads();
        // batches of 3, not cyborg score's 8: other batch boundaries must not change a score
        Dataset<Row> scored = new CyborgScorer().setModelPath(data.model.toString()).setBatchSize(3).transform(images);
        assertEquals(List.of("path", "modificationTime", "length", "content", "score", "label", "error"),
                List.of(scored.columns()));
        List<Row> rows = scored.collectAsList();
        assertEquals(data.images.size() + 1, rows.size());
        int ok = 0;
        for (Row r : rows) {
            Path path = OpenSet.local(r.getString(r.fieldIndex("path")));
            Row error = r.getStruct(r.fieldIndex("error"));
            if (path.equals(data.corrupt.toAbsolutePath().normalize())) {
                assertTrue(r.isNullAt(r.fieldIndex("score")), "a corrupt image has no score");
                assertTrue(r.isNullAt(r.fieldIndex("label")));
                assertEquals("bad_image", error.getString(0));
                assertTrue(error.getString(1).contains("half.png"), "the error names the file: " + error.getString(1));
                continue;
            }
            assertNull(error, path + ": " + error);
            Float expected = data.expected.get(path);
            assertNotNull(expected, "not an open-set image: " + path);
            float score = r.getFloat(r.fieldIndex("score"));
            assertEquals(expected, score, 1e-6, path.toString());
            // Prediction's rule: the larger logit, i.e. Synthetic exactly when sigmoid(logit[Synthetic]) > 0.5
            assertEquals(score > 0.5f ? "Synthetic" : "Real", r.getString(r.fieldIndex("label")), path.toString());
            assertEquals(Files.size(path), r.getLong(r.fieldIndex("length")), "input columns kept");
            assertEquals(Files.size(path), ((byte[]) r.get(r.fieldIndex("content"))).length, "input columns kept");
            ok++;
        }
        assertEquals(data.images.size(), ok);
        // the driver's check loads the model once; the two task slots of local[2] reuse it or load one
        // more, whatever the four partitions: never a load per task
        long loads = ModelPool.loads() - loadsBefore;
        assertTrue(loads <= 2, "model loads: " + loads);
    }

    @Test
    void anyBinaryColumnIsScoredAndANullCellIsAnErrorNamedByItsRow() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Path p : data.images.subList(0, 5)) {
            rows.add(RowFactory.create(p.getFileName().toString(), Files.readAllBytes(p)));
        }
        rows.add(RowFactory.create("nothing", null));
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("name", DataTypes.StringType, false),
                DataTypes.createStructField("img", DataTypes.BinaryType, true)));
        Dataset<Row> frame = spark.createDataFrame(rows, schema).coalesce(1);
        List<Row> out = new CyborgScorer().setModelPath(data.model.toString()).setInputCol("img")
                .setScoreCol("p_synthetic").transform(frame).collectAsList();
        assertEquals(6, out.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(data.images.get(i).getFileName().toString(), out.get(i).getString(0), "input order kept");
            assertEquals(data.expected.get(data.images.get(i)), out.get(i).getFloat(2), 1e-6);
        }
        Row error = out.get(5).getStruct(4);
        assertEquals("bad_image", error.getString(0));
        // no path column: the error names the row of its partition
        assertEquals("row 5 of partition 0: no image bytes (null)", error.getString(1));
    }

    @Test
    void camsComeAsPngBytesAtTheInputSizeWithTheirEntropy() throws Exception {
        List<Row> rows = new CyborgScorer().setModelPath(data.model.toString()).setCams(true)
                .transform(spark.read().format("binaryFile").load(data.images.get(0).toString())).collectAsList();
        Row r = rows.get(0);
        assertEquals(data.expected.get(data.images.get(0)), r.getFloat(r.fieldIndex("score")), 1e-6);
        RgbImage cam = ImageFiles.decode((byte[]) r.get(r.fieldIndex("cam_png")), Path.of("cam.png"), 1_000_000).rgb();
        assertEquals(64, cam.width());
        assertEquals(64, cam.height());
        double entropy = r.getDouble(r.fieldIndex("cam_entropy"));
        assertTrue(entropy > 0 && entropy <= 1, "entropy " + entropy);
    }

    @Test
    void savedAndLoadedWithItsParameters() throws Exception {
        CyborgScorer scorer = new CyborgScorer().setModelPath(data.model.toString()).setBatchSize(5).setCams(true)
                .setLabelCol("predicted");
        String saved = dir.resolve("scorer").toString();
        scorer.write().save(saved);
        CyborgScorer loaded = CyborgScorer.load(saved);
        assertEquals(scorer.uid(), loaded.uid());
        assertEquals(scorer.scoring(), loaded.scoring());
        assertEquals(scorer.transformSchema(binaryFiles().schema()), loaded.transformSchema(binaryFiles().schema()));
    }

    @Test
    void aFrameWithoutTheImageColumnOrWithAnOutputNameTakenIsRefusedUpFront() {
        CyborgScorer scorer = new CyborgScorer().setModelPath(data.model.toString());
        StructType noContent = DataTypes.createStructType(List.of(
                DataTypes.createStructField("path", DataTypes.StringType, false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.transformSchema(noContent));
        assertTrue(e.getMessage().contains("no column 'content'"), e.getMessage());
        StructType taken = binaryFiles().schema().add("score", DataTypes.DoubleType);
        e = assertThrows(IllegalArgumentException.class, () -> scorer.transformSchema(taken));
        assertTrue(e.getMessage().contains("'score' is already a column"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CyborgScorer().transformSchema(noContent));
        assertTrue(e.getMessage().contains("set modelPath"), e.getMessage());
    }

    @Test
    void aMissingModelFailsOnTheDriverNamingIt() {
        Path missing = dir.resolve("no-model");
        Exception e = assertThrows(Exception.class,
                () -> new CyborgScorer().setModelPath(missing.toString()).transform(binaryFiles()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
