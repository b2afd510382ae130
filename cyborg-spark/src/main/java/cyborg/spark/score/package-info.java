/**
 * {@code cyborg spark score}: scoring image collections as a Spark job. The driver lists the
 * images ({@link cyborg.spark.score.ImageListing}: a split CSV, a folder layout, a list, or Spark's
 * binaryFile listing); each task reads its images on the executor, scores them in batches with the
 * executor's copy of the model ({@link cyborg.spark.score.ModelPool}) exactly as {@code cyborg score}
 * does ({@link cyborg.spark.score.ImageScoring}, which the DataFrame API of {@code cyborg.spark.ml}
 * uses too), and turns every image it cannot score into a row of the errors table;
 * {@link cyborg.spark.score.SparkScore} runs the job and writes the tables.
 */
package cyborg.spark.score;
