package cyborg.train;

import java.util.Map;

/** One line of {@code train-log.jsonl}: what an epoch did and measured. */
public final class EpochRecord {
    /** 1-based epoch. */
    public int epoch;
    public double lr;
    /** Mean total loss over the epoch's training images. */
    public double loss;
    /** Mean unweighted value of each loss term. */
    public Map<String, Double> lossParts;
    public double trainAcc;
    public double valAcc;
    public double valAuc;
    public double imagesPerS;
    public double seconds;
    /** Resident memory of the process at the end of the epoch, in MiB (flat over a healthy run). */
    public double rssMb;
    /** Whether this epoch became the kept (best validation accuracy) model. */
    public boolean best;
}
