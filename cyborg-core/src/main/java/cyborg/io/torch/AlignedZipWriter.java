package cyborg.io.torch;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip of uncompressed entries whose data start at multiples of 64 bytes, like PyTorch's
 * own writer: the padding goes into a local-header extra field with id "FB", as there. Aligned
 * storages let torch map them without copying; torch also reads unaligned ones.
 *
 * <p>Timestamps are fixed, so equal content gives byte-identical files.
 */
final class AlignedZipWriter implements AutoCloseable {
    static final int ALIGNMENT = 64;
    private static final int LOCAL_HEADER = 30;
    private static final int PADDING_FIELD_ID = 0x4246; // "FB" little-endian, as PyTorch writes it
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Counting counting;
    private final ZipOutputStream zip;

    AlignedZipWriter(OutputStream out) {
        counting = new Counting(out);
        zip = new ZipOutputStream(counting, StandardCharsets.UTF_8);
    }

    /** Adds {@code name} holding {@code data}, stored and 64-byte aligned. */
    void add(String name, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED); // sizes and CRC known up front: no data descriptor
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        e.setTimeLocal(FIXED_TIME); // DOS time only (1980-01-01 00:00 itself would add an extended-timestamp extra and shift the data)
        int nameLength = name.getBytes(StandardCharsets.UTF_8).length;
        zip.flush();
        long dataStart = counting.count + LOCAL_HEADER + nameLength + 4; // 4: the padding field's header
        int pad = (int) ((ALIGNMENT - dataStart % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[4 + pad];
        extra[0] = (byte) PADDING_FIELD_ID;
        extra[1] = (byte) (PADDING_FIELD_ID >>> 8);
        extra[2] = (byte) pad;
        extra[3] = (byte) (pad >>> 8);
        java.util.Arrays.fill(extra, 4, extra.length, (byte) 'Z'); // PyTorch pads with 'Z' too
        e.setExtra(extra);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.finish(); // writes the central directory; the caller owns and closes the stream
        zip.flush();
    }

    /** Counts bytes to know where the next local header starts. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
