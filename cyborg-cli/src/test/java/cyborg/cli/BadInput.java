package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/**
 * One bad input or fault of the corpus, replayed on the command line. Either the command stops
 * with a non-zero exit and one {@code error:} line that names the offending file (and says what
 * is wrong), or, run with {@code --skip-bad}, it succeeds and reports the skip with its count.
 *
 * @param name what the case is, shown as the test's name
 * @param args the command line
 * @param names a string the message must contain: the offending file's name (and line)
 * @param says a phrase the message must contain (case-insensitive), e.g. what is wrong
 * @param skipped when true the command must succeed and report a counted skip instead
 * @param once when true the message must name {@code names} exactly once
 */
record BadInput(String name, String[] args, String names, String says, boolean skipped, boolean once) {

    /** A case that must stop with a non-zero exit naming {@code names} and saying {@code says}. */
    static BadInput fails(String name, String names, String says, String... args) {
        return new BadInput(name, args, names, says, false, false);
    }

    /** As {@link #fails}, and the message names {@code names} once, not again where a decoder's words follow. */
    static BadInput failsNamingOnce(String name, String names, String says, String... args) {
        return new BadInput(name, args, names, says, false, true);
    }

    /** A case that, under {@code --skip-bad}, must succeed and report the skip, naming the reason. */
    static BadInput skips(String name, String says, String... args) {
        return new BadInput(name, args, "", says, true, false);
    }

    void check() {
        Cli r = Cli.run(args);
        if (skipped) {
            assertEquals(0, r.status, r.toString());
            String all = (r.out + r.err).toLowerCase(Locale.ROOT);
            assertTrue(all.contains("skipped"), "the skip must be reported\n" + r);
            assertTrue(all.contains(says.toLowerCase(Locale.ROOT)), "the reason must be named\n" + r);
            return;
        }
        assertNotEquals(0, r.status, "a bad input must not exit 0\n" + r);
        String message = r.err.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertFalse(message.isEmpty(), "one 'error:' line expected\n" + r);
        assertTrue(message.contains(names), "the message must name " + names + "\n" + r);
        if (once) {
            assertEquals(message.indexOf(names), message.lastIndexOf(names), "the message must name " + names
                    + " once\n" + r);
        }
        assertTrue(message.toLowerCase(Locale.ROOT).contains(says.toLowerCase(Locale.ROOT)),
                "[" + name + "] the message must say '" + says + "'\n" + r);
        assertFalse(r.err.contains("\tat "), "no stack trace\n" + r);
        assertFalse(message.matches(".*\\b(javax?|ai\\.djl|com\\.twelvemonkeys|com\\.google|io\\.javalin)"
                + "\\.[a-z.]+[A-Z]\\w*(Exception|Error)\\b.*"),
                "no exception class names in the message\n" + r);
    }

    @Override
    public String toString() {
        return name;
    }
}
