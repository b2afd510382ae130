/**
 * Data sets of real and synthetic face images with human saliency maps: the reference split CSV
 * and a folder layout; images identified by their path under the data root ({@link
 * cyborg.data.ImageId}), which names their human maps and their output files; map lookup and
 * averaging, augmentation applied to image and map alike, parallel decoding, and bad-input
 * handling that names the file and line or counts a skip.
 */
package cyborg.data;
