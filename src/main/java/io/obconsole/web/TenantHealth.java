package io.obconsole.web;

import java.util.Locale;

/**
 * How a tenant stands on the overview, worst first: the order the page sorts by, the counts at its
 * top and the filter's choices. The first four need someone now; a warning can wait.
 */
public enum TenantHealth {
    /** Its cluster does not answer: what is shown is the last read. */
    UNREACHABLE("bad"),
    /** A recovery-point, restore-time or proven-within objective is breached. */
    BREACHED("bad"),
    /** Its newest ended backup failed. */
    FAILED("bad"),
    /** Its newest ended restore drill failed: its backups are not proven to restore. */
    DRILL_FAILED("bad"),
    /** A backup of it runs but has not moved for a while. */
    STALLED("warn"),
    /** Something ages, or preflight warns or blocks. */
    WARNING("warn"),
    HEALTHY("ok");

    private final String css;

    TenantHealth(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }

    /** The word in links and the filter ({@code ?state=breached}, {@code ?state=drill-failed}). */
    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the overview shows it first and never folds it away with the healthy. */
    public boolean needsSomeone() {
        return ordinal() <= STALLED.ordinal();
    }

    /** The filter's word, or null for "no filter". */
    static TenantHealth ofParam(String param) {
        if (param == null || param.isBlank()) {
            return null;
        }
        for (TenantHealth health : values()) {
            if (health.param().equals(param.trim().toLowerCase(Locale.ROOT))) {
                return health;
            }
        }
        return null;
    }

    static TenantHealth worse(TenantHealth a, TenantHealth b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
