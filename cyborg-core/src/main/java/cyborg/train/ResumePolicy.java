package cyborg.train;

import java.util.Set;

/**
 * What may change when a run resumes: where the data are and how they are read, and how many
 * epochs to train (only more); everything that shapes the model comes from the run's saved
 * settings, so that a resumed run is the run that was started.
 */
public final class ResumePolicy {
    /** The training options that may be given again with {@code --resume}, by long name. */
    public static final Set<String> CHANGEABLE = Set.of("--out", "--resume", "--epochs", "--csv", "--images",
            "--maps", "--folder", "--skip-bad", "--cache", "--runs", "--device");

    private ResumePolicy() {}

    /** Refuses an option that may not change, naming the run's settings file. */
    public static void requireChangeable(String option, RunFiles run) {
        if (!CHANGEABLE.contains(option)) {
            throw new IllegalArgumentException(option + " cannot change when resuming; the run keeps the settings"
                    + " in " + run.config() + " (only --epochs may grow)");
        }
    }

    /** The saved settings, with the number of epochs raised to {@code epochs} when given. */
    public static TrainConfig resumed(TrainConfig saved, Integer epochs) {
        return epochs == null ? saved : saved.toBuilder().epochs(epochs).build();
    }
}
