/**
 * Training objectives: cross-entropy, the CYBORG penalty between a model's class activation map
 * and human saliency, and the CAM-entropy ("focus") terms, composed with weights from a textual
 * specification such as {@code ce:0.5,cyborg:0.5,logent:0.5}.
 */
package cyborg.loss;
