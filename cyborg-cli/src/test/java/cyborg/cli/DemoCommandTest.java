package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.demo.DemoConfig;
import cyborg.demo.DemoMethod;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
    /** The help is where a user learns what the demo trains: it must not fall behind the list of rows. */
    @Test
    void demoHelpNamesEveryRowItCanTrainAndTheOptionsThatChooseThem() {
        Cli r = Cli.run("demo", "--help");
        assertEquals(0, r.status, r.toString());
        String help = r.out.replaceAll("\\s+", " ");
        for (DemoMethod m : DemoConfig.allMethods()) {
            assertTrue(help.matches(".*[ (]" + java.util.regex.Pattern.quote(m.name()) + "[ ,.)].*"),
                    "demo --help does not name " + m.name() + ":\n" + r.out);
        }
        for (String option : new String[] {"--quick", "--all", "--with-rrr", "--with", "split-4x.csv", "split-styles.csv"}) {
            assertTrue(help.contains(option), "demo --help lacks " + option + ":\n" + r.out);
        }
    }
}
