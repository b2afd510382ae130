/**
 * File formats and safe writing: the one output rule ({@link cyborg.io.AtomicFiles}: atomic
 * replacement of files and of links' targets, pipes and devices written through), the check that
 * outputs are not inputs and that no earlier run's outputs are left stale ({@link cyborg.io.Outputs}),
 * safetensors, JSON; file-system faults told as one line naming the path.
 */
package cyborg.io;
