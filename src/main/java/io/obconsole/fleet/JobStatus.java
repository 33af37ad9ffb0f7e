package io.obconsole.fleet;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ViewWord;
import java.util.Locale;

/**
 * A backup job's STATUS as OceanBase writes it, and the one place that says which of them still
 * run: pages, API, socket and preflight all ask here.
 */
public enum JobStatus {
    INIT, DOING, CANCELING, COMPLETED, FAILED, CANCELED, UNKNOWN;

    /** INIT, DOING and CANCELING: the job still holds its tenant. */
    public boolean running() {
        return this == INIT || this == DOING || this == CANCELING;
    }

    /** A row still runs while its status says so and it has no end time yet. */
    public static boolean running(BackupJob job) {
        return job.end() == null && of(job.status()).running();
    }

    public static JobStatus of(String text) {
        return ViewWord.of(JobStatus.class, text, UNKNOWN);
    }

    /** The CSS class of the status word (the word itself is always printed next to the colour). */
    public String css() {
        return switch (this) {
            case COMPLETED -> "ok";
            case FAILED -> "bad";
            case CANCELING, CANCELED -> "warn";
            default -> "info";
        };
    }

    /** What a status filter offers: RUNNING stands for INIT, DOING and CANCELING. */
    public static final String RUNNING_FILTER = "RUNNING";

    /** Whether this status passes a filter value (a status name or {@value #RUNNING_FILTER}; blank passes all). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String wanted = filter.trim().toUpperCase(Locale.ROOT);
        return RUNNING_FILTER.equals(wanted) ? running() : name().equals(wanted);
    }
}
