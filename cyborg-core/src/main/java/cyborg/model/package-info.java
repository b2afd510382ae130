/**
 * Detector networks that return logits and the feature maps their class activation maps are
 * built from, with torchvision's structure and parameter names, and their on-disk form (a model
 * folder, or a weight file with its {@link cyborg.model.WeightSidecar} description, opened through
 * {@link cyborg.model.ModelRequest} in one place); the one
 * inference path, and what a model says about an image ({@link cyborg.model.Prediction}: score,
 * label, the label's CAM as a {@link cyborg.model.CamMap}) decided in one place for every command.
 */
package cyborg.model;
