package cyborg.web.annotate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gold images of a study (--gold-images FILE): one image path a line, relative to the data root
 * as the database names images ({@code real/ffhq/0000.png}); blank lines and lines starting with
 * '#' are ignored. A path that is not one of this run's images is an error naming the file and line.
 */
public final class GoldList {
    private GoldList() {
    }

    /** The ids of the listed images in {@code catalog}. */
    public static Set<Long> read(Path file, ImageCatalog catalog) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the gold list (" + e.getMessage()
                    + "); check --gold-images");
        }
        Map<String, Long> byPath = new HashMap<>();
        catalog.all().forEach(i -> byPath.put(i.path(), i.id()));
        Set<Long> out = new LinkedHashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String path = line.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            Long id = byPath.get(path);
            if (id == null) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": '" + line + "' is not one of the "
                        + byPath.size() + " image(s) of this run; give image paths relative to the data root (e.g. "
                        + catalog.all().stream().findFirst().map(ImageRecord::path).orElse("real/ffhq/0000.png")
                        + ")");
            }
            out.add(id);
        }
        return out;
    }
}
