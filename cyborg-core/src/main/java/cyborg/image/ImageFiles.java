package cyborg.image;

import cyborg.image.webp.LossyWebp;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The one image decoder of every command: reads image files (PNG, JPEG including CMYK and
 * YCCK, BMP, GIF, TIFF, WebP; TwelveMonkeys' ImageIO plugins add the last ones, and lossy WebP
 * has its own decoder, {@link LossyWebp}) into
 * {@link RgbImage} exactly as PIL's {@code Image.open(f).convert('RGB')} sees them, and writes
 * RGB PNGs. Failures are {@link ImageDecodeException}s that name
 * the file, the reason and the remedy.
 *
 * <p>Truncated or damaged files are rejected rather than silently returned half-decoded:
 * decoder warnings (JPEG's "Premature end of JPEG file") count as corruption, PNG files are
 * checked chunk by chunk (complete, CRCs, IEND), and GIFs must end with their trailer byte.
 * The format is recognised from the content, not the file name.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** Decodes the first image in {@code file} and converts it to 8-bit RGB like PIL's {@code convert('RGB')}. */
    public static RgbImage readRgb(Path file) throws ImageDecodeException {
        return decode(file).rgb();
    }

    /**
     * Decodes the first image in {@code file}: the one decoder of every command. Refuses images
     * over the {@link PixelLimit} from their header, before any pixel is allocated, and turns
     * running out of memory while decoding into an error naming the file.
     */
    public static DecodedImage decode(Path file) throws ImageDecodeException {
        return decode(readBytes(file), file, PixelLimit.current());
    }

    /**
     * Decodes an image held in memory (e.g. an upload) exactly as {@link #decode(Path)} decodes a
     * file, refusing it from its header if it has more than {@code maxPixels} pixels.
     *
     * @param file what errors call it (e.g. the upload's base name); nothing is read from it
     */
    public static DecodedImage decode(byte[] data, Path file, long maxPixels) throws ImageDecodeException {
        if (data.length == 0) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT,
                    "the file is empty (0 bytes)", "Send the image's bytes", null);
        }
        // Memory-backed stream: no ImageIO cache files, and the bytes are reused for checks.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = readerFor(file, in, data);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            boolean isJpeg = format.equals("jpeg") || format.equals("jpg");
            JpegLayout jpeg = isJpeg ? JpegLayout.of(data) : null;
            ImageSize size = null;
            Raster raw = null;
            BufferedImage image = null;
            RgbImage webp = null;
            try {
                if (isJpeg && jpeg == null) {
                    throw corrupt(file, format, "the markers before the image data are damaged", null);
                }
                reader.setInput(in, true, true);
                size = new ImageSize(reader.getWidth(0), reader.getHeight(0));
                PixelLimit.check(file, size, maxPixels);
                // JPEG samples are read raw and converted like libjpeg+PIL (JpegColour): the
                // decoders' own conversions colour-manage CMYK and ICC-tagged files.
                // Lossy WebP: our own decoder, as libwebp decodes for PIL (TwelveMonkeys' VP8
                // decoder filters and upsamples differently); lossless and animated stay below.
                LossyWebp.Chunk vp8 = format.equals("webp") ? LossyWebp.vp8Chunk(data) : null;
                if (jpeg != null) {
                    raw = reader.readRaster(0, null);
                } else if (vp8 != null) {
                    webp = LossyWebp.decode(data, vp8, size.width(), size.height());
                } else {
                    image = reader.read(0);
                }
            } catch (ImageDecodeException e) {
                throw e;
            } catch (OutOfMemoryError e) {
                throw outOfMemory(file, size);
            } catch (IOException | RuntimeException e) {
                if (outOfMemory(e)) { // the JDK's PNG reader wraps it: "Caught exception during read"
                    throw outOfMemory(file, size);
                }
                // Decoders signal damage with IIOException, but also with runtime exceptions
                // (e.g. index out of bounds inside a corrupt LZW stream).
                throw corrupt(file, format, "the " + format.toUpperCase(Locale.ROOT) + " decoder failed: " + words(e), e);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw corrupt(file, format, "the " + format.toUpperCase(Locale.ROOT)
                        + " decoder warned \"" + String.join("; ", warnings) + "\"", null);
            }
            String structural = structuralProblem(format, data);
            if (structural != null) {
                throw corrupt(file, format, structural, null);
            }
            try {
                if (webp != null) {
                    return new DecodedImage(webp, 8);
                }
                return jpeg != null ? new DecodedImage(JpegColour.toRgb(raw, jpeg.space()), 8)
                        : new DecodedImage(RgbConversion.toRgb(image), RgbConversion.sampleBits(image));
            } catch (IllegalArgumentException e) {
                throw new ImageDecodeException(file, ImageDecodeException.Reason.UNSUPPORTED_FORMAT,
                        "unsupported " + format.toUpperCase(Locale.ROOT) + " image: " + e.getMessage(),
                        "Convert it to an RGB PNG or JPEG, or remove it from the data set", e);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(file, size);
            }
        } catch (IOException e) {
            if (e instanceof ImageDecodeException) {
                throw (ImageDecodeException) e;
            }
            throw corrupt(file, "image", "read error: " + words(e), e);
        }
    }

    /** Width and height from the file's header, without decoding the pixels. */
    public static ImageSize readSize(Path file) throws ImageDecodeException {
        checkReadable(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageDecodeException(file, ImageDecodeException.Reason.NOT_READABLE,
                        "cannot open the file", "Check its permissions", null);
            }
            ImageReader reader = readerFor(file, in, null);
            try {
                reader.setInput(in, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException e) {
                throw corrupt(file, reader.getFormatName(), "cannot read the image header: " + words(e), e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e instanceof ImageDecodeException) {
                throw (ImageDecodeException) e;
            }
            throw corrupt(file, "image", "read error: " + words(e), e);
        }
    }

    /** An RGB image encoded as 8-bit PNG bytes (e.g. for a data URL). */
    public static byte[] encodePng(RgbImage image) throws IOException {
        return PngWriter.encode(image);
    }

    /** Writes an RGB image as an 8-bit PNG, atomically (temporary file, then rename). */
    public static void writePng(RgbImage image, Path file) throws IOException {
        PngWriter.write(image, file);
    }

    private static byte[] readBytes(Path file) throws ImageDecodeException {
        checkReadable(file);
        try {
            byte[] data;
            try {
                data = Files.readAllBytes(file);
            } catch (OutOfMemoryError e) {
                throw new ImageDecodeException(file, ImageDecodeException.Reason.TOO_LARGE,
                        "the file (" + Files.size(file) + " bytes) does not fit in memory",
                        "Check that it is an image, and downscale it or remove it from the data set", null);
            }
            if (data.length == 0) {
                throw new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT,
                        "the file is empty (0 bytes)", "Re-copy or re-download it, or remove it from the data set", null);
            }
            return data;
        } catch (NoSuchFileException e) {
            throw missing(file, e);
        } catch (AccessDeniedException e) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.NOT_READABLE,
                    "permission denied", "Make the file readable by this user", e);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.NOT_READABLE,
                    "cannot read the file: " + e, "Check that it is a regular, readable file", e);
        }
    }

    private static void checkReadable(Path file) throws ImageDecodeException {
        if (!Files.exists(file)) {
            throw missing(file, null);
        }
        if (Files.isDirectory(file)) {
            throw new ImageDecodeException(file, ImageDecodeException.Reason.NOT_READABLE,
                    "is a directory, not an image file", "Point to an image file inside it", null);
        }
    }

    /** What went wrong in the decoder's words, without exception class names. */
    private static String words(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse("").trim();
            }
        }
        return "no detail given";
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static ImageDecodeException outOfMemory(Path file, ImageSize size) {
        String what = size == null ? "" : " (" + size + ", "
                + PixelLimit.megapixels((long) size.width() * size.height()) + " megapixels)";
        return new ImageDecodeException(file, ImageDecodeException.Reason.TOO_LARGE,
                "ran out of memory decoding the image" + what,
                "Give Java more memory (CYBORG_HEAP), downscale the image, or lower " + PixelLimit.ENV
                        + " so that such images are refused before decoding", null);
    }

    private static ImageDecodeException missing(Path file, Throwable cause) {
        return new ImageDecodeException(file, ImageDecodeException.Reason.NOT_READABLE,
                "file not found (resolved to " + file.toAbsolutePath() + ")",
                "Check the path, the data root and the CSV/list that named it", cause);
    }

    private static ImageReader readerFor(Path file, ImageInputStream in, byte[] data) throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            String what = data == null ? "" : " (it starts with " + describeStart(data) + ")";
            throw new ImageDecodeException(file, ImageDecodeException.Reason.UNSUPPORTED_FORMAT,
                    "unsupported or unrecognised image format" + what,
                    "Supported are PNG, JPEG, BMP, GIF, TIFF and WebP; the file may be misnamed or not an"
                            + " image at all: convert it to PNG or remove it from the data set", null);
        }
        return readers.next();
    }

    private static String structuralProblem(String format, byte[] data) {
        switch (format) {
            case "png":
                return PngChunks.problem(data);
            case "gif":
                // A complete GIF ends with the trailer 0x3B; the GIF decoder fills missing
                // rows silently otherwise.
                return data[data.length - 1] == 0x3B ? null : "truncated GIF: the 0x3B trailer is missing";
            default:
                return null;
        }
    }

    private static ImageDecodeException corrupt(Path file, String format, String detail, Throwable cause) {
        return new ImageDecodeException(file, ImageDecodeException.Reason.CORRUPT,
                "truncated or corrupt " + format.toUpperCase(Locale.ROOT) + " file: " + detail,
                "Re-copy or re-download the file, or remove it from the data set", cause);
    }

    private static String describeStart(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(8, data.length);
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", data[i] & 0xFF));
        }
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xFF;
            text &= b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7F);
        }
        return "bytes " + sb + (text ? ", which looks like text" : "");
    }
}
