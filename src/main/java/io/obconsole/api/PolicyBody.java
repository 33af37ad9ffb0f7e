package io.obconsole.api;

import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.policy.PolicySpec;
import io.obconsole.policy.Schedule;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of a policy to create or replace, with the objective it sets; the encryption password is named, never sent. */
@Schema(description = "A backup policy. Each schedule is a Quartz cron expression (seconds first) or the weekly "
        + "form (days and time), in timeZone.")
public record PolicyBody(ScheduleBody full, ScheduleBody incremental,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "ha_low_thread_score 0-100 set before each backup; absent = leave as is") Integer concurrency,
        Boolean plusArchivelog,
        @Schema(description = "DESCRIPTION of each backup; {policy}, {type} and {slot} are filled in") String descriptionTemplate,
        @Schema(description = "Name of the secret holding the encryption password (environment variable "
                + "OBC_SECRET_<NAME> or a file in the secrets directory)", example = "nightly-key") String encryptionSecret,
        @Schema(description = "The recovery-point objective the policy sets for its tenants (ISO-8601 durations; "
                + "absent or null figures: the cluster's default; a tenant's own objective still wins)")
        ObjectiveBody objective) {

    /** One schedule: {@code cron}, or {@code days} and {@code time}. */
    public record ScheduleBody(@Schema(example = "0 30 2 ? * *") String cron,
            @Schema(example = "[\"MON\",\"THU\"]") List<String> days,
            @Schema(example = "02:30") String time) {
    }

    PolicySpec toSpec() {
        ZoneId zone = Schedule.zone(timeZone);
        return new PolicySpec(schedule(full, zone), schedule(incremental, zone), concurrency,
                Boolean.TRUE.equals(plusArchivelog), descriptionTemplate,
                encryptionSecret == null || encryptionSecret.isBlank() ? null : encryptionSecret.trim(),
                objective == null ? ObjectiveOverride.NONE
                        : ObjectiveOverride.parse(objective.maxBackupAge(), objective.maxFullAge(), objective.maxArchiveLag()));
    }

    private static Schedule schedule(ScheduleBody body, ZoneId zone) {
        return body == null ? null : Schedule.parse(body.cron(), body.days(), body.time(), zone);
    }
}
