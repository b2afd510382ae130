package cyborg.data;

import java.util.List;

/**
 * A batch in the flat layouts the engine takes.
 *
 * @param samples the samples, in batch order
 * @param images (n, 3, size, size) normalised floats
 * @param labels class indices
 * @param maps (n, camH, camW) human maps, zeros where an image has none
 * @param mapMask 1 where the image has a map, else 0
 * @param inputMaps (n, size, size) human maps at the input's size, zeros where an image has none;
 *     null when not asked for
 */
public record Batch(List<Sample> samples, float[] images, long[] labels, float[] maps, float[] mapMask,
        float[] inputMaps) {
    public int size() {
        return samples.size();
    }

    /** How many images of the batch have a human map. */
    public int mapCount() {
        int n = 0;
        for (float m : mapMask) {
            n += m > 0 ? 1 : 0;
        }
        return n;
    }
}
