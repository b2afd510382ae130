/** File formats and safe writing: atomic replacement, safetensors, JSON. */
package cyborg.io;
