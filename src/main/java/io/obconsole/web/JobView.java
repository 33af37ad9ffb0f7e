package io.obconsole.web;

import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.BackupTask;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A backup job as the pages show it: its stable key for live updates, a percent from its tasks
 * (macro blocks, or tablets while macro blocks are unknown) and how long it ran.
 *
 * @param key         {@code cluster/tenantId/jobId}, the {@code data-job-key} of rows and bars
 * @param explanation a plain-language reading of a failed job's RESULT, or null
 */
public record JobView(String cluster, BackupJob job, String key, long percent, Duration duration, String explanation) {

    static JobView of(String cluster, BackupJob job, LocalDateTime clusterNow, String explanation) {
        LocalDateTime until = job.end() != null ? job.end() : clusterNow;
        Duration duration = job.start() == null || until == null ? null : Duration.between(job.start(), until);
        return new JobView(cluster, job, cluster + "/" + job.tenantId() + "/" + job.jobId(), percent(job), duration,
                explanation);
    }

    static long percent(BackupJob job) {
        if ("COMPLETED".equals(job.status())) {
            return 100;
        }
        long macro = 0;
        long macroDone = 0;
        long tablets = 0;
        long tabletsDone = 0;
        for (BackupTask task : job.tasks()) {
            macro += task.macroBlocks();
            macroDone += task.finishedMacroBlocks();
            tablets += task.tablets();
            tabletsDone += task.finishedTablets();
        }
        if (macro > 0) {
            return Formats.percent((double) macroDone / macro);
        }
        return tablets > 0 ? Formats.percent((double) tabletsDone / tablets) : 0;
    }

    public boolean running() {
        return job.running();
    }

    public boolean failed() {
        return "FAILED".equals(job.status());
    }

    /** The type in words: FULL or INCREMENTAL (OceanBase writes INC, some releases D/I). */
    public String type() {
        String type = job.backupType();
        return "INC".equals(type) || "I".equals(type) ? "INCREMENTAL" : "D".equals(type) ? "FULL" : type;
    }

    /** The status's CSS class; the word itself is always printed next to it. */
    public String statusCss() {
        return switch (job.status()) {
            case "COMPLETED" -> "ok";
            case "FAILED" -> "bad";
            case "CANCELING", "CANCELED" -> "warn";
            default -> "info";
        };
    }
}
