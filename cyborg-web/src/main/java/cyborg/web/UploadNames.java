package cyborg.web;

/**
 * Reduces a client's file name to what may be echoed back: its last path element, without
 * control characters. It is never used to open or create a file.
 */
final class UploadNames {
    private static final int MAX_LENGTH = 255;

    private UploadNames() {
    }

    /** The base name of {@code submitted}; {@code fallback} when nothing usable is left. */
    static String baseName(String submitted, String fallback) {
        if (submitted == null) {
            return fallback;
        }
        String name = submitted;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        name = sb.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return fallback;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
