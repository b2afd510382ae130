package cyborg.spark.score;

import java.io.Serializable;

/**
 * One image to score, as the driver lists it.
 *
 * @param index its position in the listing: output rows come back in this order
 * @param path where it is (a local path, or any Hadoop file system URI such as {@code hdfs://...}),
 *     written as is in the output, as {@code cyborg score} writes its image paths
 * @param id its identity ({@link cyborg.data.ImageId}): its path under the data root, or for a
 *     listed path the path itself; names its CAM file
 * @param label its class ({@code Real} or {@code Synthetic}) when the listing knows it, else null
 * @param source its authentic source or generator (its parent folder's name)
 */
public record ImageRef(long index, String path, String id, String label, String source) implements Serializable {}
