package cyborg.web.annotate;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A study's instructions (--instructions FILE.md): Markdown rendered to HTML on the server, with any
 * raw HTML in it escaped and link targets sanitised (no {@code javascript:}), so the page can show
 * it as HTML without running anything the file says.
 */
public final class Instructions {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Instructions() {
    }

    /** The file's Markdown as safe HTML. */
    public static String html(Path file) {
        String markdown;
        try {
            markdown = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": the instructions are not UTF-8 text; save the Markdown"
                    + " file as UTF-8 (--instructions)");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the instructions (" + e.getMessage()
                    + "); check --instructions");
        }
        return render(markdown);
    }

    /** Markdown as safe HTML. */
    public static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
