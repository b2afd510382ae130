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
        // the description, not the option list: --with's help lists every row by construction
        String description = r.out.substring(0, r.out.indexOf("Examples:")).replaceAll("\\s+", " ");
        for (DemoMethod m : DemoConfig.allMethods()) {
            assertTrue(description.matches(".*[ (]" + java.util.regex.Pattern.quote(m.name()) + "[ ,.)].*"),
                    "demo --help's description does not name " + m.name() + ":\n" + r.out);
        }
        for (String option : new String[] {"--quick", "--all", "--with-rrr", "--with=ROW", "split-4x.csv", "split-styles.csv"}) {
            assertTrue(help.contains(option), "demo --help lacks " + option + ":\n" + r.out);
        }
    }
}
