/**
 * Detector networks that return logits and the feature maps their class activation maps are
 * built from, with torchvision's structure and parameter names, and their on-disk form.
 */
package cyborg.model;
