package cyborg.train;

import cyborg.io.AtomicFiles;
import cyborg.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The run's JSON-lines log, one {@link EpochRecord} per completed epoch. */
public final class TrainLog {
    private TrainLog() {}

    static void append(RunFiles files, EpochRecord rec) throws IOException {
        AtomicFiles.appendString(files.log(), Json.COMPACT.toJson(rec) + "\n");
    }

    /** Drops log lines of epochs after the checkpoint (an interrupted epoch may have logged nothing, or a resumed one more). */
    static void truncate(RunFiles files, int completed) throws IOException {
        List<EpochRecord> kept = new ArrayList<>();
        for (EpochRecord r : read(files)) {
            if (r.epoch <= completed) {
                kept.add(r);
            }
        }
        StringBuilder sb = new StringBuilder();
        kept.forEach(r -> sb.append(Json.COMPACT.toJson(r)).append('\n'));
        AtomicFiles.writeString(files.log(), sb.toString());
    }

    /** The records of a run folder (empty when it has none yet). */
    public static List<EpochRecord> read(RunFiles files) throws IOException {
        List<EpochRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(files.log())) {
            return out;
        }
        for (String line : Files.readAllLines(files.log(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Json.COMPACT.fromJson(line, EpochRecord.class));
            }
        }
        return out;
    }
}
