package io.obconsole.web;

import io.obconsole.cluster.BackupSetFile;
import io.obconsole.fleet.JobEnd;
import java.time.Duration;

/**
 * A backup set as the tenant page shows it: its type in words, how its status reads in colour
 * (the words are always printed too), how long it took, and for a failed set what its RESULT means.
 * A set that was cancelled (RESULT -4072) reads "Cancelled", not as a failure ({@link JobEnd}).
 *
 * @param explanation a plain-language reading of a failed set's RESULT, or null
 */
public record BackupSetView(BackupSetFile set, String explanation) {

    /** FULL or INCREMENTAL, as the rest of the console names them. */
    public String type() {
        return set.incremental() ? "INCREMENTAL" : "FULL";
    }

    /** How long the set took to write; unknown while it is still being written. */
    public Duration duration() {
        return set.end() == null ? null : Duration.ofSeconds(set.elapsedSeconds());
    }

    /** How the set ended, or null while it is being written. */
    public JobEnd end() {
        return JobEnd.of(set.status(), set.result(), set.comment());
    }

    public boolean cancelled() {
        JobEnd end = end();
        return end != null && end.cancelled();
    }

    public boolean failed() {
        JobEnd end = end();
        return end != null && end.failed();
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
