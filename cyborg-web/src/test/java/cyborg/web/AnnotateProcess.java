package cyborg.web;

import cyborg.web.annotate.AnnotationStore;
import cyborg.web.annotate.ImageCatalog;
import cyborg.web.annotate.Mode;
import cyborg.data.FolderLayout;

import java.nio.file.Path;

/**
 * {@code cyborg annotate} in a JVM of its own, for tests that kill it: args DB DATA_DIR; single
 * mode, 1000 annotators per image; prints "PORT n" once listening, then serves until killed.
 */
public final class AnnotateProcess {
    private AnnotateProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[1]);
        AnnotationStore store = AnnotationStore.open(Path.of(args[0]));
        ImageCatalog catalog = ImageCatalog.register(store, data, FolderLayout.scan(data, "test").samples());
        AnnotateServer server = AnnotateServer.start(new AnnotateConfig("127.0.0.1", 0, Mode.SINGLE, 1000, false, null,
                AnnotateConfig.DEFAULT_MAX_BODY_BYTES), store, catalog);
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
