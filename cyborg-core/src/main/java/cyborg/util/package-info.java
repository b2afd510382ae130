/** Console and message conveniences shared by commands: progress bars, seeds, short example lists,
 * and the range check of numeric options ({@link cyborg.util.Ranges}). */
package cyborg.util;
