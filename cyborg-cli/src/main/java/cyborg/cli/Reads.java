package cyborg.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an input option naming a folder whose files the command reads, listed so that
 * {@link FileRoles} also refuses an output that is one of them (e.g. {@code export --model runs/a
 * --out runs/a/model.safetensors} would overwrite the model it exports). Inputs need no mark
 * otherwise: every option holding a path that is not {@link Writes} is one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Reads {
    /** The files the command reads in the folder. */
    String[] files();
}
