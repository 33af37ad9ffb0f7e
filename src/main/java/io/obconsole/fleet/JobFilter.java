package io.obconsole.fleet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Which jobs a list shows, for the Jobs page and the API alike; every field may be null (no
 * filter).
 *
 * @param type   FULL or INCREMENTAL (INC, as OceanBase prints it, also matches)
 * @param status a {@link JobStatus} name, or RUNNING for INIT, DOING and CANCELING
 * @param since  jobs started at or after this cluster time
 * @param from   jobs started on or after this UTC day
 * @param to     jobs started on or before this UTC day
 */
public record JobFilter(String cluster, String tenant, String type, String status, LocalDateTime since, LocalDate from,
        LocalDate to) {

    public static final JobFilter ALL = new JobFilter(null, null, null, null, null, null, null);

    public JobFilter {
        cluster = blankToNull(cluster);
        tenant = blankToNull(tenant);
        type = blankToNull(type);
        status = blankToNull(status);
    }

    public boolean matches(FleetJob job) {
        return (cluster == null || cluster.equals(job.cluster())) && (tenant == null || tenant.equals(job.tenant()))
                && (type == null || typeWord(type).equals(typeWord(job.job().backupType())))
                && job.status().matches(status) && started(job);
    }

    private boolean started(FleetJob job) {
        if (since == null && from == null && to == null) {
            return true;
        }
        LocalDateTime start = job.job().start();
        if (start == null) {
            return false;
        }
        LocalDate day = ClusterTime.toUtc(start).toLocalDate();
        return (since == null || !start.isBefore(since)) && (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to));
    }

    /** Whether running jobs pass the status filter (a page then adds jobs that start meanwhile). */
    public boolean showsRunning() {
        return status == null || JobStatus.RUNNING_FILTER.equalsIgnoreCase(status)
                || JobStatus.of(status).running();
    }

    /** FULL or INCREMENTAL, whichever way a release or a person writes it (INC, I, D). */
    public static String typeWord(String type) {
        String upper = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "INC", "I", "INCREMENTAL" -> "INCREMENTAL";
            case "D", "FULL" -> "FULL";
            default -> upper;
        };
    }

    /** What a status filter offers. */
    public List<String> statusChoices() {
        return List.of(JobStatus.RUNNING_FILTER, JobStatus.COMPLETED.name(), JobStatus.FAILED.name(),
                JobStatus.CANCELED.name());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
