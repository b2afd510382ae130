package cyborg.spark.score;

import cyborg.data.ImageId;
import cyborg.data.ImageOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CAM images written next to the output, named by the image's identity as {@code cyborg score --cams}
 * names them: {@code DIR/<path under the data root without extension>_cam.png}.
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
            try (FSDataOutputStream out = fs.create(path, true)) {
                out.write(png);
            }
        } else {
            Path path = Path.of(target);
            Files.createDirectories(path.getParent());
            Files.write(path, png);
        }
        return target;
    }
}
