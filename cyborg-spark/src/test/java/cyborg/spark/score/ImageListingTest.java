package cyborg.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The driver's reading of {@code --list}: a local path, or any URI through Hadoop's file systems. */
class ImageListingTest {
    @TempDir
    Path dir;

    private Path list() throws IOException {
        Path list = dir.resolve("lists").resolve("faces.txt");
        Files.createDirectories(list.getParent());
        Files.write(list, List.of("# two images", "/data/ffhq/a.png", "", "hdfs:///data/stylegan/b.png"));
        return list;
    }

    private static List<String> paths(List<ImageRef> refs) {
        return refs.stream().map(ImageRef::path).toList();
    }

    @Test
    void aListGivenAsAFileUriIsReadThroughHadoopNotAsALocalFileOfThatName() throws IOException {
        Path list = list();
        List<String> want = List.of("/data/ffhq/a.png", "hdfs:///data/stylegan/b.png");
        // file:///abs (what Path.toUri gives) and file:/abs (Hadoop's own spelling)
        assertEquals(want, paths(ImageListing.fromList(list.toUri().toString(), null)));
        assertEquals(want, paths(ImageListing.fromList("file:" + list.toAbsolutePath(), null)));
        assertEquals("ffhq", ImageListing.fromList(list.toUri().toString(), null).get(0).source());
    }

    @Test
    void aListGivenAsARelativePathStaysALocalFile() throws IOException {
        Path list = list();
        String relative = Path.of("").toAbsolutePath().relativize(list.toAbsolutePath()).toString();
        assertTrue(!relative.startsWith("/"), relative);
        assertEquals(List.of("/data/ffhq/a.png", "hdfs:///data/stylegan/b.png"),
                paths(ImageListing.fromList(relative, null)));
    }

    @Test
    void aMissingListUriIsNotFoundNamingTheUri() {
        String uri = dir.resolve("nope.txt").toUri().toString();
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ImageListing.fromList(uri, null));
        assertEquals(uri + ": image list not found; check --list", e.getMessage());
    }

    @Test
    void aBadLineOfAListUriIsNamedByTheUriAndLine() throws IOException {
        Path list = dir.resolve("bad.txt");
        Files.write(list, "a.png\nb\u00e9.png\n".getBytes(StandardCharsets.ISO_8859_1));
        String uri = list.toUri().toString();
        IOException e = assertThrows(IOException.class, () -> ImageListing.fromList(uri, null));
        assertTrue(e.getMessage().startsWith(uri + ":2: byte 0xE9 at column 2 is not UTF-8"), e.getMessage());
    }

    @Test
    void listedImagesOfOneFileNameKeepCamFilesOfTheirOwn() throws IOException {
        Path list = Files.write(dir.resolve("same.txt"), List.of("/data/real/ffhq/0000.png",
                "hdfs://nn/data/synthetic/stylegan/0000.png"));
        List<ImageRef> refs = ImageListing.fromList(list.toString(), null);
        // once DIR/cams/<row>_0000_cam.png: a CAM file named by the image, as cyborg score --cams names it
        assertEquals(List.of("data/real/ffhq/0000.png", "nn/data/synthetic/stylegan/0000.png"),
                refs.stream().map(ImageRef::id).toList());
    }

    @Test
    void listedImagesDifferingOnlyInTheExtensionAreRefusedNamingBoth() throws IOException {
        Path list = Files.write(dir.resolve("ext.txt"), List.of("/data/real/a.png", "/data/real/a.jpg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageListing.fromList(list.toString(), null));
        assertTrue(e.getMessage().startsWith("data/real/a.png and data/real/a.jpg would both write"), e.getMessage());
    }
}
