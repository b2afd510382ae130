package cyborg.web.annotate;

import cyborg.data.ImageId;
import cyborg.data.Sample;
import cyborg.image.ImageFiles;
import cyborg.image.ImageSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** How many images an error names before "and N more". */
    private static final int NAMED = 5;

    /**
     * Registers {@code samples} (reading each image's size from its header); {@code root} is the data
     * root. Images are identified by their path relative to it, so a root spelled otherwise (relative,
     * absolute, through a link) or moved continues the database's work. Refuses another data set:
     * a known path whose image now has another label or size, or a database none of whose images
     * is under {@code root} while none of the given ones is in it.
     */
    public static ImageCatalog register(AnnotationStore store, Path root, List<Sample> samples) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        List<ImageRecord> wanted = new ArrayList<>();
        for (Sample s : samples) {
            ImageSize size = ImageFiles.readSize(s.image());
            Path file = s.image().toAbsolutePath().normalize();
            String relative = ImageId.under(base, file).map(ImageId::path).orElse(file.toString().replace('\\', '/'));
            wanted.add(new ImageRecord(0, relative, file.getFileName().toString(), s.label(), size.width(),
                    size.height()));
        }
        requireSameDataSet(store, base, wanted);
        ImageCatalog catalog = new ImageCatalog();
        List<ImageRecord> stored = store.register(wanted);
        for (int i = 0; i < stored.size(); i++) {
            catalog.records.put(stored.get(i).id(), stored.get(i));
            catalog.files.put(stored.get(i).id(), samples.get(i).image());
        }
        return catalog;
    }

    private static void requireSameDataSet(AnnotationStore store, Path base, List<ImageRecord> wanted)
            throws IOException {
        List<ImageRecord> known = store.images();
        if (known.isEmpty()) {
            return;
        }
        Map<String, ImageRecord> byPath = new HashMap<>();
        known.forEach(i -> byPath.put(i.path(), i));
        List<String> differ = new ArrayList<>();
        int same = 0;
        for (ImageRecord w : wanted) {
            ImageRecord k = byPath.get(w.path());
            if (k == null) {
                continue;
            }
            if (k.label() == w.label() && k.width() == w.width() && k.height() == w.height()) {
                same++;
            } else {
                differ.add(w.path() + " is " + describe(k) + " in the database but " + describe(w) + " here");
            }
        }
        String what = "Images are matched by their path relative to the data root (--folder, or --images with"
                + " --csv; here " + base + "), so a root spelled otherwise or moved continues. Start with the data"
                + " the database was made with, or give another --db for this data set";
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException(store.file() + " was made on another data set: " + named(differ)
                    + ". " + what);
        }
        if (same == 0 && known.stream().noneMatch(k -> Files.exists(base.resolve(k.path())))) {
            throw new IllegalArgumentException(store.file() + " was made on another data set: none of its "
                    + known.size() + " image(s) (" + named(known.stream().map(ImageRecord::path).toList())
                    + ") is under " + base + ", and none of the " + wanted.size() + " image(s) given ("
                    + named(wanted.stream().map(ImageRecord::path).toList()) + ") is in it. " + what);
        }
    }

    private static String describe(ImageRecord i) {
        return i.label().displayName() + " " + i.width() + "x" + i.height();
    }

    private static String named(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
        return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
    }

    public Optional<ImageRecord> image(long id) {
        return Optional.ofNullable(records.get(id));
    }

    /** Whether the image is one of this run's (a database may also hold images of other splits or runs). */
    public boolean contains(long id) {
        return records.containsKey(id);
    }

    /** The annotations of this run's images, in the order given. */
    public List<StoredAnnotation> annotationsHere(List<StoredAnnotation> annotations) {
        return annotations.stream().filter(a -> contains(a.image().id())).toList();
    }

    public Optional<Path> file(long id) {
        return Optional.ofNullable(files.get(id));
    }

    public List<ImageRecord> all() {
        return List.copyOf(records.values());
    }
}
