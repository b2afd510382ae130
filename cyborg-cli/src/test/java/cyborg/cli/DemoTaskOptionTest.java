package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code cyborg demo --task}: what it refuses, before any work. */
class DemoTaskOptionTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownTaskIsRefusedListingTheTasks() {
        Cli r = Cli.run("demo", "--task", "digits", "--out", dir.resolve("demo").toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("unknown demo task 'digits'; use one of: faces, decoy, both"), r.toString());
        assertFalse(Files.exists(dir.resolve("demo")), r.toString());
    }

    @Test
    void faceOptionsWithTheDecoyTaskAloneAreRefusedBeforeAnyWork() {
        for (String option : new String[] {"--with-rrr", "--benchmark-seed=11", "--with=ce-4x"}) {
            Cli r = Cli.run("demo", "--task", "decoy", option, "--out", dir.resolve("demo").toString());
            assertEquals(1, r.status, r.toString());
            assertTrue(r.err.startsWith("error: " + option.replaceAll("=.*", "") + " does not apply to --task decoy"),
                    r.toString());
            assertFalse(Files.exists(dir.resolve("demo")), r.toString());
        }
    }

    @Test
    void anUnknownRowIsRefusedBeforeAnyWorkListingTheRows() {
        Cli r = Cli.run("demo", "--with", "ce-4x,ce4x", "--out", dir.resolve("demo").toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: unknown demo row 'ce4x'; choose from ce, cyborg, "), r.toString());
        assertFalse(Files.exists(dir.resolve("demo")), r.toString());
    }

    @Test
    void theDecoyTaskAloneIntoAFaceDemosFolderIsRefusedBeforeAnyWork() throws Exception {
        Path out = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(out.resolve("results.json"), "{\"losses\": {}}\n");
        Cli r = Cli.run("demo", "--task", "decoy", "--out", out.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith("error: " + out.resolve("results.json") + " holds the face demo's results"),
                r.toString());
        assertFalse(Files.exists(out.resolve("decoy")), r.toString());
    }
}
