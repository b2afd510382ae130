/**
 * Procedural face-like data sets written in the reference layout, so that every command can run
 * on a fresh machine without downloads.
 */
package cyborg.synth;
