package io.obconsole.web;

import java.time.Duration;

/** How old a tenant's newest recovery point is, in the words and colours of the overview. */
public enum Freshness {
    FRESH, AGING, STALE, MISSING;

    static Freshness of(Duration age, Duration amberAfter, Duration redAfter) {
        if (age == null) {
            return MISSING;
        }
        if (age.compareTo(redAfter) > 0) {
            return STALE;
        }
        return age.compareTo(amberAfter) > 0 ? AGING : FRESH;
    }

    /** The CSS class: colour always comes with the word from {@link Messages}. */
    public String css() {
        return switch (this) {
            case FRESH -> "ok";
            case AGING -> "warn";
            case STALE, MISSING -> "bad";
        };
    }
}
