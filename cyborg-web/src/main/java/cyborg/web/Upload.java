package cyborg.web;

/**
 * An uploaded image, held in memory.
 *
 * @param name the client's file name reduced to a base name ({@link UploadNames}): only echoed
 * @param bytes the file's content
 */
record Upload(String name, byte[] bytes) {
}
