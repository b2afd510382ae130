package cyborg.spark.score;

import cyborg.data.FolderLayout;
import cyborg.data.ImageId;
import cyborg.data.ImageExtensions;
import cyborg.data.ImageOutputs;
import cyborg.data.Label;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.data.SplitCsv;
import cyborg.io.Utf8Lines;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of a job, listed on the driver: the rows of a split CSV under an image root, a folder
 * layout, or a list of paths. Nothing is read but the listing itself: the images are read by the
 * executors, and one that is missing or unreadable becomes a row of the errors table.
 */
public final class ImageListing {
    private ImageListing() {}

    /**
     * The rows of {@code csv} in {@code split} ({@code all}: every row), each at image root +
     * relpath exactly as {@code cyborg score} names it; rows must parse (a bad row stops here, with
     * its line).
     *
     * @param imageRoot a local folder or a Hadoop file system URI
     * @param limit at most this many (null: all)
     */
    public static List<ImageRef> fromSplitCsv(Path csv, String imageRoot, String split, Integer limit)
            throws IOException {
        String root = Locations.isUri(imageRoot) ? stripSlash(imageRoot) : Path.of(imageRoot).toString();
        List<ImageRef> out = new ArrayList<>();
        for (SplitCsv.Row row : SplitCsv.readRows(csv, SkipReport.failFast())) {
            if (split.equals("all") || row.split().equals(split)) {
                String path = root + row.relpath();
                // named as cyborg score names it: under a local root, as SplitCsv identifies it
                ImageId id = Locations.isUri(imageRoot) ? ImageId.normalized(row.relpath())
                        : ImageId.of(Path.of(root), Path.of(path));
                out.add(new ImageRef(out.size(), path, id.path(), row.label().displayName(), row.source()));
            }
        }
        return limited(out, limit, "no '" + split + "' rows in " + csv + "; choose --split train|val|test|all");
    }

    /** Every image of a local folder layout, in {@code cyborg score}'s (sorted) order. */
    public static List<ImageRef> fromFolder(Path folder, Integer limit) throws IOException {
        FolderLayout.Scan scan = FolderLayout.scan(folder, "test");
        List<ImageRef> out = new ArrayList<>();
        for (Sample s : scan.samples()) {
            out.add(new ImageRef(out.size(), s.key(), s.id().path(), s.label().displayName(), s.source()));
        }
        return limited(out, limit, "no images in " + folder);
    }

    /**
     * What Spark's {@code binaryFile} source lists: the images, and the files passed over as not
     * images (by their extension, as {@code cyborg score} passes them over in a folder layout).
     */
    public record Listed(List<ImageRef> images, List<String> notImages) {}

    /**
     * Whether {@code --folder} is listed by Spark ({@link #fromFiles}) rather than read as a local
     * folder layout: a URI ({@code hdfs://}, {@code s3a://}, {@code file:/}), a glob, or a name filter.
     */
    public static boolean listedBySpark(String folder, String nameGlob) {
        return nameGlob != null || Locations.isUri(folder) || folder.matches(".*[*?\\[{].*");
    }

    /**
     * Every file under {@code location} at any depth as Spark's {@code binaryFile} source lists it
     * (its file index, on the driver; the files' bytes are not read here, the executors read them):
     * a folder or a glob on any Hadoop file system ({@code s3a://bucket/faces/*}{@code /*.jpg}),
     * {@code nameGlob} (its {@code pathGlobFilter}, null: every file) keeping the files whose name
     * matches. Sorted by path. A file's class is that of the nearest folder on its path that names a
     * class ({@code real}, {@code synthetic}, {@code 0_real}, {@code 1_fake}), else unknown; its
     * source is its parent folder's name.
     *
     * @param spark the session whose Hadoop configuration reaches the file system
     */
    public static Listed fromFiles(SparkSession spark, String location, String nameGlob, Integer limit) {
        DataFrameReader reader = spark.read().format("binaryFile").option("recursiveFileLookup", "true");
        if (nameGlob != null) {
            reader = reader.option("pathGlobFilter", nameGlob);
        }
        List<String> paths;
        try {
            // only the path column: the binaryFile source then reads no file's content
            paths = new ArrayList<>(reader.load(location).select("path").as(Encoders.STRING()).collectAsList());
        } catch (Exception e) { // Spark's AnalysisException (no such path) is checked, and thrown undeclared
            if (e instanceof AnalysisException a) {
                throw new IllegalArgumentException("--folder " + location + ": " + a.getSimpleMessage(), e);
            }
            throw e;
        }
        java.util.Collections.sort(paths);
        List<ImageRef> out = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!ImageExtensions.isImage(Path.of(name))) {
                notImages.add(path);
                continue;
            }
            out.add(new ImageRef(out.size(), path, ImageId.normalized(path).path(), classOf(path),
                    parentName(path)));
        }
        return new Listed(limited(out, limit, "no images in --folder " + location + (nameGlob == null ? ""
                : " matching --glob " + nameGlob) + (notImages.isEmpty() ? "" : " (" + notImages.size()
                + " files that are not images, e.g. " + notImages.get(0) + ")")), List.copyOf(notImages));
    }

    /** The class of the nearest folder on {@code path} that names one, or null. */
    static String classOf(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            var label = Label.ofFolder(parts[i]);
            if (label.isPresent()) {
                return label.get().displayName();
            }
        }
        return null;
    }

    /**
     * The images named in {@code list}, one local path or URI a line; blank lines and lines
     * starting with {@code #} are passed over. Their class is unknown; their source is the parent
     * folder's name.
     *
     * @param list a local path, or a Hadoop file system URI ({@code hdfs:///lists/faces.txt}),
     *     read on the driver ({@link Locations#openLines})
     */
    public static List<ImageRef> fromList(String list, Integer limit) throws IOException {
        List<Utf8Lines.Line> lines;
        try {
            lines = Utf8Lines.read(Locations.openLines(list));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(list, null, "image list not found; check --list");
        }
        List<ImageRef> out = new ArrayList<>();
        for (Utf8Lines.Line line : lines) {
            if (!line.isText()) {
                throw new IOException(list + ":" + line.number() + ": " + line.problem() + "; re-save the file as UTF-8");
            }
            String path = line.text().strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            // no data root: the path is the identity, so that two listed images never share a CAM file
            ImageId id = Locations.isUri(path) ? ImageId.normalized(path) : ImageId.of(Path.of("/"), Path.of(path));
            out.add(new ImageRef(out.size(), path, id.path(), null, parentName(path)));
        }
        return limited(out, limit, "no image paths in " + list + " (one path or URI a line)");
    }

    private static List<ImageRef> limited(List<ImageRef> all, Integer limit, String emptyMessage) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        List<ImageRef> out = limit == null ? all : all.subList(0, Math.min(limit, all.size()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException(emptyMessage);
        }
        // checked here, on the driver: the executors write the CAM files of different images apart
        ImageOutputs names = new ImageOutputs(Path.of("cams"));
        for (ImageRef ref : out) {
            try {
                names.path(new ImageId(ref.id()), "_cam.png");
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static String stripSlash(String uri) {
        String s = uri;
        while (s.endsWith("/") && !s.endsWith("://")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The name of the folder a path or URI is in ("unknown" at a root). */
    static String parentName(String path) {
        String p = path.replace('\\', '/');
        int end = p.lastIndexOf('/');
        int start = end > 0 ? p.lastIndexOf('/', end - 1) : -1;
        return end > 0 ? p.substring(start + 1, end) : "unknown";
    }
}
