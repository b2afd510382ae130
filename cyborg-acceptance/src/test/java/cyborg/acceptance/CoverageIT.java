package cyborg.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command {@code ./cyborg --help} lists, and every subcommand their own help lists, has an
 * acceptance case ({@link Covers}); and every {@link Covers} names a command the help lists.
 */
class CoverageIT {
    /** A command line of picocli's "Commands:" section: two spaces, the name, then its description. */
    private static final Pattern COMMAND = Pattern.compile("^  (\\S+)(?:\\s{2,}.*)?$");

    @Test
    void everyCommandTheHelpListsHasAnAcceptanceCase() throws Exception {
        Set<String> listed = new TreeSet<>();
        collect(List.of(), listed);
        assertTrue(listed.contains("serve") && listed.contains("annotate export"), "parsed: " + listed);
        Set<String> covered = covered();

        Set<String> untried = new TreeSet<>(listed);
        untried.removeAll(covered);
        assertEquals(Set.of(), untried, "commands ./cyborg --help lists that no acceptance case runs: add a case"
                + " marked @Covers(\"COMMAND\") to cyborg-acceptance");
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(listed);
        assertEquals(Set.of(), stale, "@Covers names commands ./cyborg --help does not list");
    }

    /** Adds the subcommands of {@code cyborg PATH} to {@code listed}, recursively. */
    private static void collect(List<String> path, Set<String> listed) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        String name = path.isEmpty() ? "help" : "help-" + String.join("-", path);
        Product.Run help = Product.cyborg(name, args.toArray(String[]::new)).ok();
        for (String command : commands(help.stdout())) {
            List<String> sub = new ArrayList<>(path);
            sub.add(command);
            listed.add(String.join(" ", sub));
            if (!command.equals("help")) {
                collect(sub, listed);
            }
        }
    }

    /** The names in the "Commands:" section of picocli's usage text (none when there is no such section). */
    static List<String> commands(String usage) {
        List<String> names = new ArrayList<>();
        boolean inside = false;
        for (String line : usage.split("\\R")) {
            if (line.equals("Commands:")) {
                inside = true;
            } else if (inside && line.isBlank()) {
                break;
            } else if (inside) {
                Matcher m = COMMAND.matcher(line);
                if (m.matches()) {
                    names.add(m.group(1));
                } else if (!line.startsWith("   ")) {
                    break; // the section ended
                }
            }
        }
        return names;
    }

    /** Every {@link Covers} on the suite's cases (the *IT classes beside this one). */
    private static Set<String> covered() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(CoverageIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[A-Za-z]+IT\\.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method method : Class.forName(name).getDeclaredMethods()) {
                    for (Covers covers : method.getAnnotationsByType(Covers.class)) {
                        covered.add(covers.value());
                    }
                }
            }
        }
        return covered;
    }
}
