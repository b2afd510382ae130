package cyborg.cli;

import cyborg.io.Outputs;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place where every command's outputs are checked against its inputs, before it runs: the
 * options marked {@link Writes} are outputs, every other option holding a path is an input (with
 * the files of its folder a {@link Reads} mark lists), so that a new input option is covered
 * without being listed anywhere.
 */
final class FileRoles {
    /**
     * A URI ({@code hdfs://...}, {@code file:/...}) rather than a local path, as the Spark commands
     * take them; such locations are the cluster's file system's to judge, not checked here.
     */
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private FileRoles() {}

    /**
     * Refuses, naming both options, an output of the command {@code cmd} that is the same file or
     * folder as one of its inputs.
     *
     * @throws IllegalArgumentException naming the output and the input
     */
    static void refuseInputsAsOutputs(CommandLine cmd) {
        List<Outputs.Named> inputs = new ArrayList<>();
        List<Outputs.Named> outputs = new ArrayList<>();
        for (ArgSpec arg : cmd.getCommandSpec().args()) {
            String option = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            Field field = arg.userObject() instanceof Field f ? f : null;
            Writes writes = field == null ? null : field.getAnnotation(Writes.class);
            Reads reads = field == null ? null : field.getAnnotation(Reads.class);
            for (Path p : paths(arg.getValue(), writes != null)) {
                if (writes == null) {
                    inputs.add(new Outputs.Named(option, p));
                    for (String file : reads == null ? new String[0] : reads.files()) {
                        inputs.add(new Outputs.Named(option, p.resolve(file)));
                    }
                    continue;
                }
                outputs.add(new Outputs.Named(option, p));
                for (String file : writes.files()) {
                    outputs.add(new Outputs.Named(option, p.resolve(file)));
                }
            }
        }
        Outputs.refuseInputs(outputs, inputs);
    }

    /**
     * The local paths an option's value names: a path or a list of them; a string only for an output
     * (Spark's {@code --out}, which may be a URI): other strings are names, specs or URIs.
     */
    private static List<Path> paths(Object value, boolean output) {
        List<Path> paths = new ArrayList<>();
        if (value instanceof Path p) {
            paths.add(p);
        } else if (value instanceof Collection<?> c) {
            c.stream().filter(Path.class::isInstance).map(Path.class::cast).forEach(paths::add);
        } else if (output && value instanceof String s && !s.isBlank() && !URI.matcher(s).matches()) {
            paths.add(Path.of(s));
        }
        return paths;
    }
}
