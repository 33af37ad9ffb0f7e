package io.obconsole.fleet;

import java.util.Locale;

/**
 * How a backup job, or the set it wrote, ended: the one reading of OceanBase's STATUS and RESULT
 * that the job history, the backup sets and the audit trail all show. RESULT -4072 (OB_CANCELED)
 * is a cancellation, whether the row says CANCELED (a job) or FAILED (its set), never a failure.
 *
 * @param code OceanBase's RESULT (0 when completed)
 * @param text OceanBase's COMMENT, empty when it gave none
 */
public record JobEnd(Kind kind, long code, String text) {

    /** OceanBase's RESULT for a backup that was cancelled (OB_CANCELED). */
    public static final long CANCELED = -4072;

    public enum Kind {
        COMPLETED, FAILED, CANCELLED
    }

    public JobEnd {
        text = text == null ? "" : text.trim();
    }

    /**
     * How a row with this STATUS ended, or null while it has not: COMPLETED (a job) and SUCCESS (a
     * set) completed; CANCELED, or FAILED with RESULT -4072, was cancelled; FAILED otherwise failed.
     */
    public static JobEnd of(String status, long result, String comment) {
        String word = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "COMPLETED", "SUCCESS" -> new JobEnd(Kind.COMPLETED, result, comment);
            case "CANCELED" -> new JobEnd(Kind.CANCELLED, result, comment);
            case "FAILED" -> new JobEnd(Math.abs(result) == Math.abs(CANCELED) ? Kind.CANCELLED : Kind.FAILED, result,
                    comment);
            default -> null;
        };
    }

    /**
     * Completed, Failed or Cancelled: the words the pages show (their {@code status_word} message),
     * for texts written without a page, such as alert summaries.
     */
    public String words() {
        return switch (kind) {
            case COMPLETED -> "Completed";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    public boolean completed() {
        return kind == Kind.COMPLETED;
    }

    public boolean failed() {
        return kind == Kind.FAILED;
    }

    public boolean cancelled() {
        return kind == Kind.CANCELLED;
    }
}
