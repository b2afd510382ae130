package cyborg.demo;

import cyborg.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Whether a generated task on disk can be reused instead of generated again. */
final class GeneratedTask {
    private GeneratedTask() {}

    /**
     * Whether {@code dir} holds the task of {@code fingerprint}: its description file (written last
     * by the generators, so an interrupted generation has none) carries that fingerprint, and the
     * split files the demo reads are there.
     */
    static boolean isCurrent(Path dir, String description, String fingerprint, String... files) throws IOException {
        Path json = dir.resolve(description);
        if (!Files.isRegularFile(json)) {
            return false;
        }
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return fingerprint.equals(Json.read(json, Map.class).get("fingerprint"));
    }
}
