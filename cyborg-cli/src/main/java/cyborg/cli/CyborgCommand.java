package cyborg.cli;

import cyborg.util.GracefulStop;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.List;

/** The {@code cyborg} command: entry point that dispatches to one class per subcommand. */
@Command(name = "cyborg",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Train, score and evaluate detectors of synthetic (GAN-made) face images whose training is"
                + " guided by human saliency (CYBORG), with CAM-entropy (focus) losses.",
            "",
            "Start with 'cyborg demo'. Typical flow: synth -> train -> score -> evaluate. Run 'cyborg COMMAND --help' for details."
        },
        subcommands = {
            DemoCommand.class,
            SynthCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            SparkCommand.class,
            ServeCommand.class,
            AnnotateCommand.class,
            ServeBenchCommand.class,
            EvaluateCommand.class,
            SaliencyCommand.class,
            MeasureCommand.class,
            ExplainCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CyborgCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit status (0 ok, 1 error, 2 usage error). */
    public static int run(String... args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new CyborgCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
        TrainCommand.describeLosses(cli.getSubcommands().get("train"));
        cli.setExecutionStrategy(CyborgCommand::executeStoppingGracefully);
        try {
            return cli.execute(args);
        } finally {
            // Released here, not in the execution strategy: picocli hands a command's exception to
            // the ErrorHandler only after the strategy has returned, and the JVM halts as soon as
            // the stop hook is released. Released in the strategy, it cut off the "stopped by a
            // signal" line about once in 13 SIGTERMs.
            GracefulStop.finished();
        }
    }

    /**
     * Runs the chosen command so that Ctrl-C or SIGTERM stops it between two batches (see
     * {@link GracefulStop}); services, which drain their requests on their own, are left alone.
     * First, before any work, an output that is one of the command's inputs is refused
     * ({@link FileRoles}).
     */
    private static int executeStoppingGracefully(CommandLine.ParseResult parsed) {
        List<CommandLine> chosen = parsed.asCommandLineList();
        CommandLine last = chosen.get(chosen.size() - 1);
        try {
            FileRoles.refuseInputsAsOutputs(last);
        } catch (IllegalArgumentException e) {
            // picocli hands an ExecutionException's cause to the ErrorHandler: one 'error:' line.
            throw new CommandLine.ExecutionException(last, e.getMessage(), e);
        }
        Object command = last.getCommand();
        if (!(command instanceof DrainsOnStop)) {
            GracefulStop.install(Duration.ofSeconds(60), System.err);
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
