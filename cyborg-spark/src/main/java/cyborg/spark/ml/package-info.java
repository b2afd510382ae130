/**
 * The DataFrame API: scoring a column of encoded images (what {@code spark.read.format("binaryFile")}
 * gives, or any binary column) into score, predicted label, optional CAM and an error column, with
 * the same decoding, preprocessing, batching and per-executor models as {@code spark score}
 * ({@link cyborg.spark.score.ImageScoring}). {@link cyborg.spark.ml.FrameScoring} does the work and
 * needs Spark SQL only; {@link cyborg.spark.ml.CyborgScorer} is it as a Spark ML {@code Transformer}
 * (Spark ML is on every cluster's class path, not on the command line's), and
 * {@link cyborg.spark.ml.CyborgSql} registers it as a SQL function.
 */
package cyborg.spark.ml;
