/**
 * The demo: generates the benchmark, trains cross-entropy, the guided methods, the shortcut-free
 * reference and cross-entropy with more data over several seeds, scores the open set, measures
 * where the models look, checks the targets and writes a report; then
 * the decoy task ({@link cyborg.demo.DecoyDemo}) as the report's second section.
 */
package cyborg.demo;
