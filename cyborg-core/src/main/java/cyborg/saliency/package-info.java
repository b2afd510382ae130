/**
 * Saliency maps of a detector's decision: CAM, Grad-CAM, Grad-CAM++ and Score-CAM, each a short
 * class on one shared base, batched, at feature resolution (upsampled for display).
 */
package cyborg.saliency;
