package cyborg.sparkapp;

import cyborg.spark.ml.CyborgScorer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark program as a user writes one, submitted with the application jar: a {@code binaryFile}
 * DataFrame of a folder's PNGs scored by {@link CyborgScorer}, written as parquet. Arguments: the
 * model folder, the image folder, the output folder. The class travels in a jar of its own
 * ({@code --jars}), so CyborgScorer and everything under it come from the application jar, and
 * Spark ML from Spark's class path, as on a cluster.
 */
public final class TransformerJob {
    private TransformerJob() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("cyborg transformer").getOrCreate();
        try {
            Dataset<Row> images = spark.read().format("binaryFile").option("pathGlobFilter", "*.png")
                    .option("recursiveFileLookup", "true").load(args[1]);
            Dataset<Row> scored = new CyborgScorer().setModelPath(args[0]).transform(images);
            scored.selectExpr("path", "score", "label", "error.reason AS reason").write().parquet(args[2]);
        } finally {
            spark.stop();
        }
    }
}
