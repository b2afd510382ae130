/**
 * The Open Inference Protocol (KServe v2, REST) as data: requests parsed from JSON with their
 * tensors checked against their shapes, responses, tensor metadata, and what a cyborg model takes
 * and gives in the protocol's terms ({@link cyborg.web.v2.Signature}). No HTTP here: the handlers
 * in {@code cyborg.web} use these.
 */
package cyborg.web.v2;
