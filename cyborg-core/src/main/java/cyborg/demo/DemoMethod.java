package cyborg.demo;

import cyborg.data.Counterexamples;
import cyborg.model.CamTarget;
import cyborg.train.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One way of training the demo compares: a loss specification plus the other {@code cyborg
 * train} options it needs (whose CAM the saliency terms use, the counterexample rate), and the
 * split file it trains on.
 *
 * @param name the row's name ({@code ce}, {@code cyborg}, ...)
 * @param loss the {@code --loss} specification
 * @param camClass the {@code --cam-class}
 * @param counterfactual the {@code --counterfactual} rate (0 = none)
 * @param what one line on what it is, for the report
 * @param trainingSplit the split file it trains and validates on: {@code split.csv}, the
 *     shortcut-free {@code split-ceiling.csv} (the reference) or {@code split-4x.csv} (more data)
 */
public record DemoMethod(String name, String loss, CamTarget camClass, double counterfactual, String what,
        TrainingSplit trainingSplit) {
    /** A loss with the reference's CAM class and no counterexamples, trained on {@code split.csv}. */
    static DemoMethod of(String name, String loss, String what) {
        return new DemoMethod(name, loss, CamTarget.PREDICTED, 0, what, TrainingSplit.BIASED);
    }

    DemoMethod withCamClass(CamTarget k) {
        return new DemoMethod(name, loss, k, counterfactual, what, trainingSplit);
    }

    DemoMethod withCounterfactual(double rate) {
        return new DemoMethod(name, loss, camClass, rate, what, trainingSplit);
    }

    /** The same training on another split file of the benchmark. */
    DemoMethod on(TrainingSplit split) {
        return new DemoMethod(name, loss, camClass, counterfactual, what, split);
    }

    /**
     * Whether it is the shortcut-free reference (trained where the mark carries no label), not a
     * method: what removing the shortcut can reach.
     */
    public boolean reference() {
        return trainingSplit == TrainingSplit.SHORTCUT_FREE;
    }

    /** The split file it trains on. */
    public String splitFile() {
        return trainingSplit.file();
    }

    /** The shared training settings with this method's loss, options and {@code seed}. */
    TrainConfig config(TrainConfig shared, long seed) {
        return shared.toBuilder().loss(loss).camClass(camClass).seed(seed)
                .counterexamples(new Counterexamples(counterfactual, Counterexamples.Fill.SWAP)).build();
    }

    /**
     * The {@code cyborg train} options besides {@code --loss} that this method sets away from the
     * defaults: empty for a plain loss.
     */
    public List<String> extraArgs() {
        List<String> args = new ArrayList<>();
        if (camClass != CamTarget.PREDICTED) {
            args.add("--cam-class");
            args.add(camClass.name().toLowerCase(Locale.ROOT));
        }
        if (counterfactual > 0) {
            args.add("--counterfactual");
            args.add(Double.toString(counterfactual));
        }
        return args;
    }

    /**
     * The options as one line, e.g. {@code --loss ce:0.5,cyborg:0.5 --counterfactual 0.5}; the
     * split file too when it is not {@code split.csv}.
     */
    String commandLine() {
        return commandLine(splitFile());
    }

    /**
     * As {@link #commandLine()} on a task whose other training split is {@code otherSplit} (the
     * decoy task's {@code split-nodecoy.csv}).
     */
    String commandLine(String otherSplit) {
        StringBuilder sb = new StringBuilder(
                trainingSplit == TrainingSplit.BIASED ? "" : "--csv " + otherSplit + " ").append("--loss ").append(loss);
        extraArgs().forEach(a -> sb.append(' ').append(a));
        return sb.toString();
    }
}
