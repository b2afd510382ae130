/**
 * Scoring images with a trained detector ({@code sigmoid(logit[Synthetic])}), the reference
 * score-file format, and the class activation maps of scored images as PNGs.
 */
package cyborg.score;
