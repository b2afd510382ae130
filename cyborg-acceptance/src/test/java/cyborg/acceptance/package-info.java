/**
 * The acceptance suite: the built product run as its users run it, from the repository root, through
 * {@code ./cyborg} and {@code tools/spark/spark-submit} with the shaded jar, as subprocesses whose
 * output goes to files under {@code target/acceptance/logs}. Nothing of cyborg is on this module's class
 * path, so the suite sees the class path the launcher and spark-submit assemble, not a module's test
 * class path. Every subcommand {@code ./cyborg --help} lists has a case marked {@link cyborg.acceptance.Covers}
 * ({@link cyborg.acceptance.CoverageIT} checks it against the parsed help).
 */
package cyborg.acceptance;
