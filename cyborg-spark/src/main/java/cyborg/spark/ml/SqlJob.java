package cyborg.spark.ml;

import cyborg.spark.Clusters;
import cyborg.spark.score.Locations;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark SQL query over images as a spark-submit job, for SQL users without a notebook:
 * registers {@code cyborg_score} ({@link CyborgSql}), makes the view {@code images} of every file
 * under {@code --images} (Spark's {@code binaryFile} source: {@code path, modificationTime, length,
 * content}, at any depth, {@code --glob} filtering names), runs {@code --sql} and writes its result
 * as parquet into {@code --out}, part files written by the tasks; an existing {@code --out} is
 * refused (Spark's error-if-exists).
 *
 * <pre>
 * spark-submit --class cyborg.spark.ml.SqlJob cyborg-spark-app.jar --model runs/cyborg \
 *     --images hdfs:///faces --glob '*.png' --out hdfs:///scored/sql1 \
 *     --sql "SELECT path, r.score, r.label, r.error FROM (SELECT path, cyborg_score(content) AS r FROM images)"
 * </pre>
 */
public final class SqlJob {
    static final List<String> OPTIONS = List.of("--model", "--images", "--glob", "--sql", "--out", "--master");
    static final String USAGE = "usage: SqlJob --model DIR --images PATH|URI|GLOB [--glob PATTERN] --sql QUERY"
            + " --out DIR [--master URL]";

    private SqlJob() {}

    public static void main(String[] args) {
        Map<String, String> a;
        try {
            a = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        SparkSession spark = Clusters.start("cyborg sql", a.get("--master"), Map.of());
        try {
            CyborgSql.register(spark, "cyborg_score", a.get("--model"));
            DataFrameReader reader = spark.read().format("binaryFile").option("recursiveFileLookup", "true");
            if (a.containsKey("--glob")) {
                reader = reader.option("pathGlobFilter", a.get("--glob"));
            }
            reader.load(a.get("--images")).createOrReplaceTempView("images");
            spark.sql(a.get("--sql")).write().parquet(a.get("--out"));
            Locations.dropChecksums(a.get("--out"), spark.sparkContext().hadoopConfiguration());
            System.out.println("wrote " + a.get("--out"));
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            spark.stop();
            System.exit(1);
        }
        spark.stop();
    }

    /** {@code --name value} pairs; the required ones present, nothing unknown. */
    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            out.put(args[i], args[++i]);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("--model", "--images", "--sql", "--out")) {
            if (!out.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        return out;
    }
}
