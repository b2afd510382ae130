package cyborg.web.annotate;

import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images this run hands out: the samples of --csv/--folder, registered in the database, each
 * with its file. Requests name images by id only, so a client can never make the server read a
 * path it chose.
 */
public final class ImageCatalog {
    private final Map<Long, ImageRecord> records = new LinkedHashMap<>();
    private final Map<Long, Path> files = new LinkedHashMap<>();

    private ImageCatalog() {
    }

    /** Registers {@code samples} (reading each image's size from its header); {@code root} is the data root. */
    public static ImageCatalog register(AnnotationStore store, Path root, List<Sample> samples) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        List<ImageRecord> wanted = new ArrayList<>();
        for (Sample s : samples) {
            ImageSize size = ImageFiles.readSize(s.image());
            Path file = s.image().toAbsolutePath().normalize();
            String relative = (file.startsWith(base) ? base.relativize(file) : file).toString().replace('\\', '/');
            wanted.add(new ImageRecord(0, s.key(), relative, file.getFileName().toString(), s.label(), size.width(),
                    size.height()));
        }
        ImageCatalog catalog = new ImageCatalog();
        List<ImageRecord> stored = store.register(wanted);
        for (int i = 0; i < stored.size(); i++) {
            catalog.records.put(stored.get(i).id(), stored.get(i));
            catalog.files.put(stored.get(i).id(), samples.get(i).image());
        }
        return catalog;
    }

    public Optional<ImageRecord> image(long id) {
        return Optional.ofNullable(records.get(id));
    }

    public Optional<Path> file(long id) {
        return Optional.ofNullable(files.get(id));
    }

    public List<ImageRecord> all() {
        return List.copyOf(records.values());
    }
}
