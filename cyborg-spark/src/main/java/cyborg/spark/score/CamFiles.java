package cyborg.spark.score;

import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import cyborg.io.AtomicFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * CAM images written next to the output, named by the image's identity as {@code cyborg score --cams}
 * names them: {@code DIR/<path under the data root without extension>_cam.png}.
 * Local files follow the output rule ({@link AtomicFiles}); on a cluster's file system each is
 * written to a temporary name and renamed into place, so that no reader sees half a PNG.
 */
final class CamFiles {
    private CamFiles() {}

    /** Writes one CAM's PNG bytes under {@code dir} (a local path or URI) and returns where. */
    static String write(String dir, ImageRef ref, byte[] png) throws IOException {
        String name = ImageOutputs.relative(new ImageId(ref.id()), "_cam.png");
        String target = dir.endsWith("/") ? dir + name : dir + "/" + name;
        if (Locations.isUri(target)) {
            org.apache.hadoop.fs.Path path = Locations.hadoopPath(target);
            FileSystem fs = path.getFileSystem(new Configuration());
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(path.getParent(),
                    "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (FSDataOutputStream out = fs.create(tmp, false)) {
                    out.write(png);
                }
                // Hadoop's rename does not replace: a CAM of an earlier run under this name goes first.
                fs.delete(path, false);
                if (!fs.rename(tmp, path)) {
                    throw new IOException(target + ": could not move the written CAM into place");
                }
            } finally {
                fs.delete(tmp, false);
            }
        } else {
            AtomicFiles.write(Path.of(target), out -> out.write(png));
        }
        return target;
    }
}
