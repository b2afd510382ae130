package cyborg.demo;

import cyborg.data.SkipReport;
import cyborg.eval.RocPlot;
import cyborg.metrics.RocCurve;
import cyborg.model.ComputeDevice;
import cyborg.synth.Benchmark;
import cyborg.train.RunFiles;
import cyborg.train.TrainData;
import cyborg.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the demo end to end: benchmark, training of every loss and seed, open-set scoring, CAM
 * measurements, {@code results.json}, {@code report.md} and its figures. Rerunning it reuses the
 * benchmark and finished runs, and resumes interrupted ones.
 */
public final class Demo {
    private final DemoConfig config;
    private ComputeDevice device = ComputeDevice.CPU;
    private final PrintStream console;
    /** The decoy part run after the face runs (null: not run). */
    private DecoyConfig decoy;

    public Demo(DemoConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Trains and measures on {@code d} instead of the CPU. */
    public Demo on(ComputeDevice d) {
        d.device(); // a GPU that is not there fails here, before any work
        this.device = d;
        return this;
    }

    /** Also runs the decoy part after the face runs, into the same report and results.json. */
    public Demo withDecoy(DecoyConfig d) {
        this.decoy = d;
        return this;
    }

    /** Runs everything and returns the summary table. */
    public String run() throws IOException {
        Path out = config.out();
        Path benchDir = out.resolve("benchmark");
        Benchmark bench = Benchmark.builder().size(config.size()).seed(config.benchmarkSeed())
                .trainPerClass(config.trainPerClass()).valPerClass(config.valPerClass())
                .testPerSource(config.testPerSource()).build();
        if (!GeneratedTask.isCurrent(benchDir, "benchmark.json", bench.fingerprint(), "split.csv")) {
            say("== generating the benchmark in " + benchDir);
            bench.write(benchDir, console);
        } else {
            say("== reusing the benchmark in " + benchDir);
        }
        BenchmarkData data = BenchmarkData.read(benchDir, config.trainingSplits());
        RunMeasurer measurer = new RunMeasurer(data, console, device);
        List<MethodOutcome> outcomes = new ArrayList<>();
        int runsTotal = config.methods().size() * config.seeds().size();
        int runNo = 0;
        for (DemoMethod method : config.methods()) {
            MethodOutcome outcome = new MethodOutcome(method);
            for (long seed : config.seeds()) {
                runNo++;
                Path runDir = RunFiles.numbered(out.resolve("runs").resolve(method.name()), seed);
                say(String.format(Locale.ROOT, "== run %d/%d: %s (%s), seed %d", runNo, runsTotal, method.name(),
                        method.commandLine(), seed));
                new Trainer(method.config(config.training(), seed), console).on(device).train(
                        new TrainData(data.trainFor(method), data.valFor(method), "val", data.maps(),
                                SkipReport.failFast(), true),
                        new RunFiles(runDir), true);
                SeedOutcome o = measurer.measure(runDir, seed);
                outcome.seeds.add(o);
                say(String.format(Locale.ROOT, "   open-set AUC, shared mechanisms %.3f (shortcut reversed: %.3f; all"
                        + " families %.3f), val AUC %.3f, shortcut reliance %+.3f, CAM mass on human map %.3f",
                        o.shared().metrics().auc(), o.sharedReversed().metrics().auc(), o.openSet().metrics().auc(),
                        o.valAuc(), o.reliance().meanChange(), o.massAccuracy()));
            }
            outcomes.add(outcome);
            Map<String, RocCurve> curves = new LinkedHashMap<>();
            for (SeedOutcome o : outcome.seeds) {
                curves.put(String.format(Locale.ROOT, "seed %d", o.seed()), o.openSet().roc());
            }
            RocPlot.write(out.resolve("roc-" + method.name() + ".png"), out.resolve("roc-" + method.name() + ".svg"),
                    curves);
        }
        new DemoFigures(config.size(), data).write(out, outcomes);
        Report report = new Report(config, outcomes, data.description());
        report.write(out);
        // the face report is written first, so that a failure in the decoy part does not lose it
        DecoyOutcome decoyOutcome = decoy == null ? null : new DecoyDemo(decoy, console).on(device).run();
        if (decoyOutcome != null) {
            report.withDecoy(decoyOutcome).write(out);
        }
        return report.table() + "\n" + report.verdict() + "\n"
                + (decoyOutcome == null ? "" : "\n" + decoyOutcome.table() + "\n" + decoyOutcome.verdictText() + "\n");
    }

    private void say(String line) {
        if (console != null) {
            console.println(line);
        }
    }
}
