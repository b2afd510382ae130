/**
 * File formats and safe writing: atomic replacement, safetensors, JSON; file-system faults told
 * as one line naming the path.
 */
package cyborg.io;
