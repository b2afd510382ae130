package cyborg.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/** File endings cyborg reads as images. */
public final class ImageExtensions {
    private static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    private ImageExtensions() {}

    /** Whether the file name ends in a supported image extension. */
    public static boolean isImage(Path p) {
        return EXTENSIONS.contains(extension(p));
    }

    /** The extensions for messages: {@code .png/.jpg/.jpeg/.bmp/.gif/.tif/.tiff/.webp}. */
    public static String listed() {
        return "." + String.join("/.", EXTENSIONS);
    }

    /** The file name without its last extension. */
    public static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
