/** Console and message conveniences shared by commands: progress bars, seeds, short example lists. */
package cyborg.util;
