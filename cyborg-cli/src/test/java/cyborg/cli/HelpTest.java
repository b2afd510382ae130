package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpTest {
    @Test
    void topLevelHelpListsEverySubcommandWithItsPurpose() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.status);
        for (String cmd : new String[] {"demo", "synth", "train", "score", "evaluate", "saliency", "measure", "explain", "import", "export", "bench"}) {
            assertTrue(r.out.matches("(?s).*\\n  " + cmd + " +\\S.*"), cmd + " missing:\n" + r.out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "synth", "train", "score", "evaluate", "saliency", "measure", "explain", "import", "export", "bench"})
    void subcommandHelpShowsUsageAndAnExample(String cmd) {
        Cli r = Cli.run(cmd, "--help");
        assertEquals(0, r.status, r.toString());
        assertTrue(r.out.startsWith("Usage: cyborg " + cmd), r.out);
        assertTrue(r.out.contains("  cyborg " + cmd + " "), "no example in:\n" + r.out);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("train", "--out", "x", "--bogus");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--bogus"), r.err);
    }
}
