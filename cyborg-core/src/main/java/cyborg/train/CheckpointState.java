package cyborg.train;

/** Progress saved with the last completed epoch ({@code checkpoint/last.json}). */
final class CheckpointState {
    /** Epochs completed (the next epoch to run, 0-based). */
    int completedEpochs;
    double bestValAcc = -1;
    int bestEpoch;
    long seed;
    String loss;
}
