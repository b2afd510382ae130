package cyborg.spark.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One run of a grid: a data set, an architecture, a loss and a seed, with the grid's shared
 * {@code cyborg train} options.
 *
 * @param id stable id and folder name, {@code <dataset>-<arch>-<loss>-s<seed>}
 * @param dataset the data set's name
 * @param arch the architecture id
 * @param loss the loss's name in the grid
 * @param lossSpec its {@code --loss} specification
 * @param lossArgs its other train options
 * @param seed the training seed
 * @param train the grid's shared train options
 */
public record RunSpec(String id, String dataset, String arch, String loss, String lossSpec, List<String> lossArgs,
        long seed, List<String> train) implements Serializable {

    /** The group the table pools seeds over: data set, architecture and loss. */
    public String group() {
        return dataset + "/" + arch + "/" + loss;
    }

    /** The train options that define this run besides its data and folder (what result.json records). */
    public List<String> definingArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("--arch", arch, "--loss", lossSpec, "--seed",
                Long.toString(seed)));
        args.addAll(lossArgs);
        args.addAll(train);
        return List.copyOf(args);
    }
}
