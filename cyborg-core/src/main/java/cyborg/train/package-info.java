/**
 * Training: the epoch loop with validation and best-epoch selection, PyTorch-semantics
 * optimisers and schedule, resumable checkpoints, JSON-lines logs and curve plots.
 */
package cyborg.train;
