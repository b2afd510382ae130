/**
 * Procedural data sets written in the reference layout, so that every command can run on a fresh
 * machine without downloads: the open-set face benchmark (generator families drawn from shared
 * artefact mechanisms, a corner-mark shortcut) and the decoy task (a label-coded corner square,
 * after Decoy-MNIST).
 */
package cyborg.synth;
