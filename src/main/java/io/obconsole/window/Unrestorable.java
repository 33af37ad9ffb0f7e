package io.obconsole.window;

/** Why a tenant has no recoverable window at all, in the operator's words. */
public enum Unrestorable {
    NO_BACKUP_SET("No successful backup set: none succeeded and is still available"
            + " (an incremental set also needs its whole chain back to its full set)."),
    NO_ARCHIVE_LOG("No archive log continues any backup set: a restore replays the log archived from a set's start,"
            + " and for no set is that log archived without a gap.");

    private final String explanation;

    Unrestorable(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
