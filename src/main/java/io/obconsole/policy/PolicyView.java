package io.obconsole.policy;

import io.obconsole.cluster.BackupType;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/**
 * A policy as pages and the API show it, with its next runs (instants; each reader sees them in
 * their own zone). The encryption secret appears by name only.
 *
 * @param objective the recovery-point objective the policy sets, null when it sets none
 */
public record PolicyView(long id, String cluster, String tenant, ScheduleView full, ScheduleView incremental,
        String timeZone, Integer concurrency, boolean plusArchivelog, String descriptionTemplate, String secretName,
        PolicyObjective objective, boolean paused, String owner, Instant updatedAt, List<NextRun> nextRuns) {

    /** The figures the policy sets, ISO-8601 durations (null: not set by the policy; PT0S: no objective for it). */
    public record PolicyObjective(String maxBackupAge, String maxFullAge, String maxArchiveLag) {

        static PolicyObjective of(ObjectiveOverride objective) {
            return objective.empty() ? null : new PolicyObjective(iso(objective.maxBackupAge()),
                    iso(objective.maxFullAge()), iso(objective.maxArchiveLag()));
        }

        private static String iso(Duration d) {
            return d == null ? null : d.toString();
        }
    }

    /** A schedule: its cron expression, and the weekly form's days and time when it has that form. */
    public record ScheduleView(String cron, List<DayOfWeek> days, String time) {

        public static ScheduleView of(Schedule schedule) {
            if (schedule == null) {
                return null;
            }
            List<DayOfWeek> days = schedule.weeklyDays().stream().sorted().toList();
            return new ScheduleView(schedule.cron(), days.isEmpty() ? null : days,
                    schedule.weeklyTime() == null ? null : schedule.weeklyTime().toString());
        }
    }

    /** One upcoming run. */
    public record NextRun(BackupType type, Instant at) {
    }

    public boolean allTenants() {
        return BackupPolicy.ALL_TENANTS.equals(tenant);
    }
}
