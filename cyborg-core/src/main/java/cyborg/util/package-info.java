/** Console conveniences shared by long-running commands. */
package cyborg.util;
