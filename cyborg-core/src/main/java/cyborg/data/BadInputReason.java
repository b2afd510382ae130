package cyborg.data;

/** Why an input row or file cannot be used; skips are counted by reason. */
public enum BadInputReason {
    MISSING_FILE("missing file"),
    BAD_IMAGE("unreadable, truncated or unsupported image"),
    IMAGE_TOO_LARGE("image too large to decode"),
    BAD_MAP("unreadable human map"),
    MAP_ASPECT("human map with a different aspect ratio than its image"),
    BAD_ROW("CSV row with the wrong number of columns"),
    UNKNOWN_CLASS("unknown class"),
    UNKNOWN_SPLIT("unknown split"),
    NOT_UTF8("line not UTF-8 text");

    private final String description;

    BadInputReason(String description) {
        this.description = description;
    }

    /** A short phrase for reports. */
    public String description() {
        return description;
    }
}
