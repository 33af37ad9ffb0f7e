package io.obconsole.web;

import io.obconsole.cluster.BackupSetFile;
import java.time.Duration;

/**
 * A backup set as the tenant page shows it: its type in words, how its status reads in colour
 * (the words are always printed too), how long it took, and for a failed set what its RESULT means.
 * A set an operator cancelled (RESULT -4072) reads "Cancelled", not as a failure.
 *
 * @param explanation a plain-language reading of a failed set's RESULT, or null
 */
public record BackupSetView(BackupSetFile set, String explanation) {

    /** OceanBase's RESULT for a backup that was cancelled (OB_CANCELED). */
    static final long CANCELED = -4072;

    /** FULL or INCREMENTAL, as the rest of the console names them. */
    public String type() {
        return set.incremental() ? "INCREMENTAL" : "FULL";
    }

    /** How long the set took to write; unknown while it is still being written. */
    public Duration duration() {
        return set.end() == null ? null : Duration.ofSeconds(set.elapsedSeconds());
    }

    public boolean cancelled() {
        return "FAILED".equals(set.status()) && Math.abs(set.result()) == Math.abs(CANCELED);
    }

    public boolean failed() {
        return "FAILED".equals(set.status()) && !cancelled();
    }

    /** The status word the message bundle turns into text: SUCCESS, FAILED, or CANCELLED for a cancelled set. */
    public String statusWord() {
        return cancelled() ? "CANCELLED" : set.status();
    }

    /** Green only for what a restore can use; a successful set whose files are gone or going is amber. */
    public String statusCss() {
        if (failed()) {
            return "bad";
        }
        if (cancelled()) {
            return "warn";
        }
        if (!set.succeeded() || "COPYING".equals(set.fileStatus())) {
            return "info";
        }
        return "AVAILABLE".equals(set.fileStatus()) ? "ok" : "warn";
    }

    /** The chart's class for the set's bar. */
    String chartCss() {
        return failed() ? "failed" : cancelled() ? "cancelled" : set.incremental() ? "inc" : "full";
    }
}
