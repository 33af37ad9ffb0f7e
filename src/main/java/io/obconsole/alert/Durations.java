package io.obconsole.alert;

import java.time.Duration;

/** Durations in an on-call operator's words ("3 d 4 h", "12 min"), the same in messages, pages and the API. */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration d) {
        if (d == null) {
            return "–";
        }
        long s = Math.abs(d.getSeconds());
        String sign = d.isNegative() ? "-" : "";
        if (s < 60) {
            return sign + s + " s";
        }
        if (s < 3600) {
            return sign + s / 60 + " min";
        }
        if (s < 86_400) {
            long m = s % 3600 / 60;
            return sign + s / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long h = s % 86_400 / 3600;
        return sign + s / 86_400 + " d" + (h == 0 ? "" : " " + h + " h");
    }
}
