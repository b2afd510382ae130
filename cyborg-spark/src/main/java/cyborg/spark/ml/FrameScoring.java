package cyborg.spark.ml;

import cyborg.spark.score.ImageScoring;
import cyborg.spark.score.ModelPool;
import cyborg.spark.score.ModelSpec;
import cyborg.spark.score.ScoreJob;
import cyborg.spark.score.SparkScore;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a DataFrame's column of encoded images, keeping every input column and adding the outputs.
 * Each task borrows its executor's model ({@link cyborg.spark.score.ModelPool}: loaded once per
 * concurrently running task per JVM) and scores its rows in batches as {@code cyborg score} does
 * ({@link RowScorer}); an image that cannot be decoded or scored gets a null score and an error,
 * never a failed task.
 *
 * @param model the model the executors load
 * @param inputCol the column of encoded image bytes (PNG, JPEG, ...)
 * @param pathCol a string column naming each image in errors (binaryFile's {@code path}); when the
 *     frame has no such column, images are named by their row in the partition
 * @param scoreCol the score ({@code sigmoid(logit[Synthetic])}, float; null on error)
 * @param labelCol the predicted class, {@code Real} or {@code Synthetic} (null on error)
 * @param camCol with CAMs: the CAM of the predicted class as an 8-bit grayscale PNG at the model's input size;
 *     null: no CAMs
 * @param camEntropyCol with CAMs: the CAM's normalised Shannon entropy (as {@code cyborg score --cams})
 * @param errorCol null when the image was scored, else {@code struct<reason, message>} (reasons as
 *     {@code spark score}'s errors table: bad_image, image_too_large, score_not_finite)
 * @param batch images per forward pass
 * @param threads PyTorch threads per executor JVM (0: as {@code spark score} chooses, from the master and
 *     {@code spark.task.cpus})
 * @param shipping whether the model's files go to the executors with the job
 */
public record FrameScoring(ModelSpec model, String inputCol, String pathCol, String scoreCol, String labelCol,
        String camCol, String camEntropyCol, String errorCol, int batch, int threads, ScoreJob.Shipping shipping)
        implements Serializable {
    /** The error column's type. */
    public static final StructType ERROR_TYPE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("reason", DataTypes.StringType, false),
            DataTypes.createStructField("message", DataTypes.StringType, false)));

    public FrameScoring {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be at least 0 (0: automatic)");
        }
    }

    /** Defaults: {@code content} in, {@code path} names, {@code score}, {@code label}, {@code error} out, batch 8. */
    public static FrameScoring of(ModelSpec model) {
        return new FrameScoring(model, "content", "path", "score", "label", null, "cam_entropy", "error", 8, 0,
                ScoreJob.Shipping.AUTO);
    }

    /** The same with CAMs in {@code camCol} and their entropy in {@code camEntropyCol} (camCol null: none). */
    public FrameScoring withCams(String camCol, String camEntropyCol) {
        return new FrameScoring(model, inputCol, pathCol, scoreCol, labelCol, camCol, camEntropyCol, errorCol, batch,
                threads, shipping);
    }

    public boolean cams() {
        return camCol != null;
    }

    /** The output's schema: {@code in}'s columns, then score, label, [cam, cam entropy,] error. */
    public StructType outputSchema(StructType in) {
        List<String> names = Arrays.asList(in.fieldNames());
        if (!names.contains(inputCol)) {
            throw new IllegalArgumentException("no column '" + inputCol + "' of image bytes; the columns are " + names
                    + " (spark.read.format(\"binaryFile\") gives 'content')");
        }
        DataType type = in.apply(inputCol).dataType();
        if (!type.equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("column '" + inputCol + "' is " + type.simpleString()
                    + ", not binary: it must hold each image's encoded bytes");
        }
        if (pathCol != null && names.contains(pathCol) && !in.apply(pathCol).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column '" + pathCol + "' names the images in errors, so it must be a"
                    + " string; it is " + in.apply(pathCol).dataType().simpleString());
        }
        List<StructField> fields = new ArrayList<>(Arrays.asList(in.fields()));
        List<StructField> added = new ArrayList<>(List.of(
                DataTypes.createStructField(scoreCol, DataTypes.FloatType, true),
                DataTypes.createStructField(labelCol, DataTypes.StringType, true)));
        if (cams()) {
            added.add(DataTypes.createStructField(camCol, DataTypes.BinaryType, true));
            added.add(DataTypes.createStructField(camEntropyCol, DataTypes.DoubleType, true));
        }
        added.add(DataTypes.createStructField(errorCol, ERROR_TYPE, true));
        for (StructField f : added) {
            if (names.contains(f.name())) {
                throw new IllegalArgumentException("output column '" + f.name() + "' is already a column of the input;"
                        + " choose another name for it");
            }
            fields.add(f);
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * Scores {@code in}. The model is loaded once on the driver first, so a missing or broken model
     * fails here with its own message rather than in every task (in local mode the tasks then reuse
     * that instance); the scoring itself runs when the result is computed.
     */
    public Dataset<Row> transform(Dataset<?> in) {
        StructType schema = outputSchema(in.schema());
        try (ImageScoring check = ImageScoring.open(model, 0, false)) {
            // loaded and given back to this JVM's pool
        } catch (IOException e) {
            throw new UncheckedIOException("model " + model.location() + ": " + e.getMessage(), e);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(in.sparkSession().sparkContext());
        ModelSpec executorModel = SparkScore.forExecutors(sc, model, shipping);
        int taskThreads = threads > 0 ? threads : SparkScore.threadsPerTask(sc.getConf());
        StructType input = in.schema();
        int pathIndex = pathCol != null && Arrays.asList(input.fieldNames()).contains(pathCol)
                ? input.fieldIndex(pathCol) : -1;
        RowScorer scorer = new RowScorer(executorModel, input.fieldIndex(inputCol), pathIndex, input.size(), cams(),
                batch, taskThreads);
        return in.toDF().mapPartitions(scorer, Encoders.row(schema));
    }

    /** Closes this JVM's idle instances of the model (a local session that goes on without it). */
    public void release() {
        ModelPool.release(model);
    }
}
