package cyborg.spark.score;

import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * Where the tasks' time went, summed over tasks: reading the image files, decoding and
 * preprocessing them (decode, resize, normalise), and the network (forward passes, scores, CAMs).
 * On large photos the first two can outweigh the network; these say by how much.
 */
record StageTimes(LongAccumulator readNanos, LongAccumulator decodeNanos, LongAccumulator forwardNanos)
        implements Serializable {
    static StageTimes register(org.apache.spark.SparkContext sc) {
        return new StageTimes(sc.longAccumulator("cyborg read ns"), sc.longAccumulator("cyborg decode ns"),
                sc.longAccumulator("cyborg forward ns"));
    }

    /** One task's times, added to the accumulators once at its end. */
    static final class Clock {
        long read;
        long decode;
        long forward;

        void addTo(StageTimes times) {
            times.readNanos().add(read);
            times.decodeNanos().add(decode);
            times.forwardNanos().add(forward);
        }
    }
}
