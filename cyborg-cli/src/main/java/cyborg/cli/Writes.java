package cyborg.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option that names something the command writes; every other file or folder option is
 * one of its inputs. {@link FileRoles} refuses, before the command runs, an output that is an input.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Writes {
    /**
     * For a folder: the files the command writes into it, each checked against the inputs too (e.g.
     * {@code train --init runs/a/model.safetensors --out runs/a} would overwrite its starting weights).
     * Empty for a file.
     */
    String[] files() default {};
}
