/**
 * cyborg on Apache Spark: scoring image collections on executors that each load a model once, and
 * experiment grids run as one training per task. Spark is a provided dependency: a cluster brings
 * its own, the {@code cyborg} command line puts one on its class path.
 */
package cyborg.spark;
