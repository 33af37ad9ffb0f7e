package io.obconsole.window;

/** Why a tenant has no recoverable window at all, in the operator's words. */
public enum Unrestorable {
    NO_BACKUP_SET("no successful backup set", "No successful backup set: none succeeded and is still available"
            + " (an incremental set also needs its whole chain back to its full set)."),
    NO_ARCHIVE_LOG("no archived log continues a backup set", "No archive log continues any backup set: a restore"
            + " replays the log archived from a set's start, and for no set is that log archived without a gap.");

    private final String brief;
    private final String explanation;

    Unrestorable(String brief, String explanation) {
        this.brief = brief;
        this.explanation = explanation;
    }

    /** The reason in a few words, where a recovery point would stand ("none: no successful backup set"). */
    public String brief() {
        return brief;
    }

    public String explanation() {
        return explanation;
    }
}
