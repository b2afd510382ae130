/**
 * The demo: generates the benchmark, trains cross-entropy, CYBORG and focus detectors over
 * several seeds, scores the open set, measures where the models look, and writes a report; then
 * the decoy task ({@link cyborg.demo.DecoyDemo}) as the report's second section.
 */
package cyborg.demo;
