package cyborg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.web.annotate.AnnotationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The services and their stores: serve and annotate on a port another program holds or a host
 * that is not this machine, their options out of the documented range, an annotation database of
 * a newer cyborg, and annotation files to import that are not valid JSON.
 */
class ServiceBadInputTest extends BadInputCorpus {
    /** A port held for the whole test, as another program would hold it. */
    private ServerSocket busy;

    @AfterEach
    void releasePort() throws IOException {
        if (busy != null) {
            busy.close();
        }
    }

    @Override
    List<BadInput> cases(Path dir) throws Exception {
        busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        String port = String.valueOf(busy.getLocalPort());
        String model = Toy.model().toString();
        Path layout = ScoreFileBadInputTest.imageFolder(dir.resolve("layout"));
        Path db = dir.resolve("a.db");
        AnnotationStore.open(db).close();
        Path newer = newerSchema(dir.resolve("newer.db"));
        Path cutCoco = Files.writeString(dir.resolve("cut.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\","
                + " \"width\": 4, \"height\": 4}],\n \"annotations\": [");
        Path badCoco = Files.writeString(dir.resolve("bad.json"), "{\"images\": [}");
        Path cutStudio = Files.writeString(dir.resolve("cut-studio.json"), "[{\"id\": 1, \"data\":");
        List<BadInput> cases = new ArrayList<>(List.of(
                BadInput.fails("serve: --port held by another program", "--port", "port " + port + " is already in use",
                        "serve", "--model", model, "--port", port),
                BadInput.fails("annotate: --port held by another program", "--port",
                        "port " + port + " is already in use", "annotate", "--folder", layout.toString(), "--db",
                        dir.resolve("busy.db").toString(), "--port", port),
                BadInput.fails("serve: --host not of this machine", "--host 192.0.2.1",
                        "is not a name or address of this machine", "serve", "--model", model, "--host", "192.0.2.1",
                        "--port", "0"),
                BadInput.fails("serve: --port out of range", "--port", "must be 0..65535", "serve", "--model", model,
                        "--port", "70000"),
                BadInput.fails("annotate export: --min-accuracy above 1", "--min-accuracy", "must be 0..1",
                        "annotate", "export", "--db", db.toString(), "--maps", dir.resolve("maps").toString(),
                        "--min-accuracy", "2"),
                BadInput.fails("annotate export: --min-accuracy NaN", "--min-accuracy", "must be 0..1",
                        "annotate", "export", "--db", db.toString(), "--maps", dir.resolve("maps").toString(),
                        "--min-accuracy", "NaN"),
                BadInput.fails("annotate: a database of a newer schema", newer.toAbsolutePath().toString(),
                        "written by a newer cyborg", "annotate", "add-annotator", "--db", newer.toString(), "dana"),
                BadInput.fails("annotate import: a truncated COCO file", "cut.json",
                        "the file is cut short?) at line 2", "annotate", "import", "--db", db.toString(), "--from",
                        "coco", cutCoco.toString()),
                BadInput.fails("annotate import: COCO JSON with a missing value", "bad.json",
                        "expected value at line 1 column 13", "annotate", "import", "--db", db.toString(), "--from",
                        "coco", badCoco.toString()),
                BadInput.fails("annotate import: a truncated Label Studio export", "cut-studio.json",
                        "the file is cut short?) at line 1", "annotate", "import", "--db", db.toString(), "--from",
                        "labelstudio", cutStudio.toString())));
        for (String[] option : new String[][] {
            {"--max-upload-mb", "0", "must be 1..2047"}, {"--max-upload-mb", "17592186044416", "must be 1..2047"},
            {"--max-pixels", "0", "must be at least 1"}, {"--batch-window-ms", "-1", "must be 0 or more"},
            {"--max-batch", "0", "must be at least 1"}, {"--queue", "0", "must be at least 1"}}) {
            cases.add(BadInput.fails("serve: " + option[0] + " " + option[1], option[0], option[2], "serve", "--model",
                    model, option[0], option[1], "--port", "0"));
        }
        return cases;
    }

    /** A database that a cyborg of schema version 99 wrote. */
    private static Path newerSchema(Path db) throws Exception {
        AnnotationStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        return db;
    }

    /** Options are checked, and the port found free, before annotate registers the images in --db. */
    @Test
    void annotateRefusingItsOptionsOrPortLeavesNoDatabase(@TempDir Path tmp) throws Exception {
        Path layout = ScoreFileBadInputTest.imageFolder(tmp.resolve("layout"));
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path busyDb = tmp.resolve("busy.db");
            Cli r = Cli.run("annotate", "--folder", layout.toString(), "--db", busyDb.toString(), "--port",
                    String.valueOf(held.getLocalPort()));
            assertEquals(1, r.status, r.toString());
            assertFalse(Files.exists(busyDb), r.toString());
        }
        Path perImageDb = tmp.resolve("per-image.db");
        Cli r = Cli.run("annotate", "--folder", layout.toString(), "--db", perImageDb.toString(), "--per-image", "0",
                "--port", "0");
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.contains("--per-image must be at least 1"), r.toString());
        assertFalse(Files.exists(perImageDb), r.toString());
    }
}
