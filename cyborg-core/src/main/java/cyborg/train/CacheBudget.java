package cyborg.train;

import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether decoded images fit in memory: their size is estimated from the headers of up
 * to 64 images and must stay under a third of the maximum heap.
 */
final class CacheBudget {
    private static final int PROBES = 64;

    private CacheBudget() {}

    static boolean fits(List<Sample> train, List<Sample> validation) {
        List<Sample> all = new ArrayList<>(train);
        all.addAll(validation);
        if (all.isEmpty()) {
            return true;
        }
        long bytes = 0;
        int probed = 0;
        int step = Math.max(1, all.size() / PROBES);
        for (int i = 0; i < all.size() && probed < PROBES; i += step) {
            try {
                ImageSize s = ImageFiles.readSize(all.get(i).image());
                // RGB bytes plus, at most, one float map of the same size
                bytes += (long) s.width() * s.height() * (3 + 4);
                probed++;
            } catch (IOException e) {
                // the validation pass reports unreadable files; they do not count here
            }
        }
        if (probed == 0) {
            return false;
        }
        long estimate = bytes / probed * all.size();
        return estimate < Runtime.getRuntime().maxMemory() / 3;
    }
}
