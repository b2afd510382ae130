package cyborg.web;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the README's pictures of the page from a real server: {@code OUT/serve-page.png} (desktop)
 * and {@code OUT/serve-page-phone.png} (360 px), after scoring the given images with the given
 * models. Run by hand (README, "cyborg serve — the page"):
 * {@code java -cp CLASSPATH cyborg.web.PageScreenshots OUT MODEL_DIR... -- IMAGE...}
 */
public final class PageScreenshots {
    private PageScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        int split = List.of(args).indexOf("--");
        if (args.length < 4 || split < 2 || split == args.length - 1) {
            System.err.println("usage: PageScreenshots OUT MODEL_DIR... -- IMAGE...");
            System.exit(2);
        }
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("PageScreenshots " + missing);
            System.exit(1);
        }
        Path out = Path.of(args[0]);
        ServeConfig.Builder config = ServeConfig.builder().port(0);
        List<Path> images = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (i < split) {
                config.model(Path.of(args[i]));
            } else if (i > split) {
                images.add(Path.of(args[i]));
            }
        }
        try (CyborgServer server = CyborgServer.start(config.build())) {
            ChromeDriver driver = Browser.open(1280, 900);
            try {
                shoot(driver, server, split - 1, images, 1280, false, out.resolve("serve-page.png"));
                shoot(driver, server, split - 1, images, 360, true, out.resolve("serve-page-phone.png"));
            } finally {
                driver.quit();
            }
        }
    }

    /** Scores the images at this width, then captures the whole page (the viewport made as tall as it). */
    private static void shoot(ChromeDriver driver, CyborgServer server, int models, List<Path> images, int width,
            boolean phone, Path file) throws Exception {
        Browser.viewport(driver, width, 800, phone);
        Browser.openPage(driver, server.port(), models);
        Browser.upload(driver, images);
        Browser.awaitCard(driver, images.get(0).getFileName().toString());
        // the body's own height: the document's is at least the viewport's, which would leave a blank band
        Number height = (Number) driver.executeScript("return Math.ceil(document.body.getBoundingClientRect().height)");
        Browser.viewport(driver, width, height.intValue(), phone);
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + file);
    }
}
