package io.obconsole.cluster;

/**
 * How long OceanBase's delete policy keeps backup sets usable for a restore, in whole days
 * (written {@code '7d'}); OceanBase removes older sets itself and always keeps the newest usable one.
 */
public record RecoveryWindow(int days) {

    public static final int MAX_DAYS = 3650;

    public RecoveryWindow {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidIdentifierException("The recovery window is a whole number of days from 1 to " + MAX_DAYS);
        }
    }

    /** {@code 7}, {@code 7d} or {@code 7D}; anything else is refused with a plain message. */
    public static RecoveryWindow parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.endsWith("d") || t.endsWith("D")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("[0-9]{1,4}")) {
            throw new InvalidIdentifierException("The recovery window is a whole number of days, e.g. 7 or 7d");
        }
        return new RecoveryWindow(Integer.parseInt(t));
    }

    /** As OceanBase writes it, e.g. {@code 7d}. */
    public String text() {
        return days + "d";
    }

    @Override
    public String toString() {
        return text();
    }
}
