package cyborg.acceptance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The subcommand a case runs through the launcher, as typed after {@code cyborg}: {@code "annotate export"}.
 * {@link CoverageIT} fails when {@code ./cyborg --help} (recursively) lists a command no case covers, so a
 * new command cannot ship untried, and when a case names a command the help no longer lists.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Covers.All.class)
public @interface Covers {
    String value();

    /** The container of repeated {@link Covers}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface All {
        Covers[] value();
    }
}
