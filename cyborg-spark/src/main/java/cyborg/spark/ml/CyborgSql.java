package cyborg.spark.ml;

import cyborg.spark.score.ImageScoring;
import cyborg.spark.score.ModelSpec;
import cyborg.spark.score.ScoreJob;
import cyborg.spark.score.SparkScore;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A cyborg model as a SQL function: after {@code CyborgSql.register(spark, "cyborg_score", model)},
 * {@code SELECT path, cyborg_score(content) AS s FROM images} gives each row a
 * {@code struct<score: float, label: string, error: struct<reason, message>>}, error null when scored.
 * A Java UDF is called once per row, so each call scores one image (a batch of 1), with the model
 * its executor holds ({@link cyborg.spark.score.ModelPool}); {@link CyborgScorer} scores in batches.
 */
public final class CyborgSql {
    /** The function's result type. */
    public static final StructType RESULT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("score", DataTypes.FloatType, true),
            DataTypes.createStructField("label", DataTypes.StringType, true),
            DataTypes.createStructField("error", FrameScoring.ERROR_TYPE, true)));

    private CyborgSql() {}

    /** Registers {@code name(content)} scoring with the cyborg model folder {@code modelPath}. */
    public static void register(SparkSession spark, String name, String modelPath) {
        register(spark, name, ModelSpec.folder(modelPath), ScoreJob.Shipping.AUTO);
    }

    /**
     * Registers {@code name(content)} scoring with {@code model}. The model is loaded once here, so
     * that a missing or broken one fails at registration with its own message.
     */
    public static void register(SparkSession spark, String name, ModelSpec model, ScoreJob.Shipping shipping) {
        try (ImageScoring check = ImageScoring.open(model, 0, false)) {
            // loaded and given back to this JVM's pool
        } catch (IOException e) {
            throw new UncheckedIOException("model " + model.location() + ": " + e.getMessage(), e);
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ModelSpec executorModel = SparkScore.forExecutors(sc, model, shipping);
        spark.udf().register(name, new ScoreOne(executorModel, SparkScore.threadsPerTask(sc.getConf()), name),
                RESULT);
    }

    /** One call: one image. */
    private record ScoreOne(ModelSpec model, int threads, String function) implements UDF1<byte[], Row> {
        @Override
        public Row call(byte[] content) throws IOException {
            // The function sees no path: errors name the call and the image's size.
            String name = function + "(" + (content == null ? "null" : content.length + " bytes") + ")";
            ImageScoring.Decoded decoded = ImageScoring.decode(name, content);
            ImageScoring.Outcome o = decoded.failure();
            if (o == null) {
                try (ImageScoring scoring = ImageScoring.open(model, threads, false)) {
                    o = scoring.score(List.of(name), List.of(scoring.input(decoded.rgb()))).get(0);
                }
            }
            return RowFactory.create(o.score(), o.predicted(),
                    o.ok() ? null : RowFactory.create(o.errorReason(), o.errorMessage()));
        }
    }
}
