package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cyborg.loss.LossSpec;
import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.saliency.SaliencyMethod;

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
    void helpTextsListWhatTheRegistriesHold() {
        for (String cmd : new String[] {"train", "score", "saliency", "import"}) {
            String help = Cli.run(cmd, "--help").out.replaceAll("\\s+", " ");
            for (Architecture a : Architecture.values()) {
                assertTrue(help.contains(a.id()), cmd + " --help lacks " + a.id() + ":\n" + help);
            }
        }
        for (String cmd : new String[] {"saliency", "explain"}) {
            String help = Cli.run(cmd, "--help").out;
            SaliencyMethod.ids().forEach(id -> assertTrue(help.contains(id), cmd + " --help lacks " + id));
        }
        String train = Cli.run("train", "--help").out.replaceAll("\\s+", " ");
        for (String line : LossSpec.termHelp()) {
            assertTrue(train.contains(line.trim()), "train --help lacks the term line " + line);
        }
        assertTrue(train.contains("cyborg = ce:a,cyborg:(1-a)"), train);
        for (String cmd : new String[] {"train", "score"}) {
            String help = Cli.run(cmd, "--help").out;
            for (CamTarget t : CamTarget.values()) {
                assertTrue(help.contains(t.id()), cmd + " --help lacks " + t.id());
            }
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("train", "--out", "x", "--bogus");
        assertEquals(2, r.status);
        assertTrue(r.err.contains("--bogus"), r.err);
    }
}
