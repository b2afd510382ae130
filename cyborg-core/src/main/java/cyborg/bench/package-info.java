/** Throughput measurements of the networks, for the README and for users sizing their runs. */
package cyborg.bench;
