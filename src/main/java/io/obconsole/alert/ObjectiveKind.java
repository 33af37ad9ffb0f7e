package io.obconsole.alert;

/**
 * The objectives a tenant is measured against, each alerted and exported on its own: how recent a
 * moment it can be restored to, how long a restore of it took when a drill last proved it, and how
 * recently a drill proved it restorable at all.
 */
public enum ObjectiveKind {
    RECOVERY_POINT("recovery-point objective"),
    RESTORE_TIME("restore-time objective"),
    PROVEN_WITHIN("proven-within objective");

    private final String words;

    ObjectiveKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The label value in metrics: {@code restore_time}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
