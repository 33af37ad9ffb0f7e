package io.obconsole.api;

import io.obconsole.backup.Quote;
import io.obconsole.policy.CronSchedule;
import io.obconsole.policy.DayOfWeekName;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.policy.ObjectiveFigures;
import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.policy.PolicySpec;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.TimeOfDay;
import io.obconsole.policy.TimeZoneName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of a policy to create or replace, with the objective it sets; the encryption password is
 * named, never sent. Its shape is declared here and checked once the person may manage the policy.
 */
@Schema(description = "A backup policy. Each schedule is a Quartz cron expression (seconds first) or the weekly "
        + "form (days and time), in timeZone.")
public record PolicyBody(@Valid ScheduleBody full, @Valid ScheduleBody incremental,
        @TimeZoneName(payload = Quote.AfterColon.class) @Schema(example = "Europe/Berlin") String timeZone,
        @Min(value = 0, message = "{policy.concurrency}", payload = Quote.Got.class)
        @Max(value = 100, message = "{policy.concurrency}", payload = Quote.Got.class)
        @Schema(description = "ha_low_thread_score 0-100 set before each backup; absent = leave as is") Integer concurrency,
        Boolean plusArchivelog,
        @Size(max = 200, message = "{policy.description}")
        @Schema(description = "DESCRIPTION of each backup; {policy}, {type} and {slot} are filled in") String descriptionTemplate,
        @Pattern(regexp = NamedSecrets.TYPED_NAME, message = "{secret.name}")
        @Schema(description = "Name of the secret holding the encryption password (environment variable "
                + "OBC_SECRET_<NAME> or a file in the secrets directory)", example = "nightly-key") String encryptionSecret,
        @Schema(description = "The recovery-point objective the policy sets for its tenants (ISO-8601 durations; "
                + "absent or null figures: the cluster's default; a tenant's own objective still wins)")
        ObjectiveBody objective) {

    /** One schedule: {@code cron}, or {@code days} and {@code time}. */
    public record ScheduleBody(@CronSchedule(payload = Quote.AfterColon.class) @Schema(example = "0 30 2 ? * *") String cron,
            @Schema(example = "[\"MON\",\"THU\"]") List<@DayOfWeekName(payload = Quote.AfterColon.class) String> days,
            @TimeOfDay(payload = Quote.AfterColon.class) @Schema(example = "02:30") String time) {
    }

    PolicySpec toSpec() {
        ZoneId zone = Schedule.zone(timeZone);
        return new PolicySpec(schedule(full, zone), schedule(incremental, zone), concurrency,
                Boolean.TRUE.equals(plusArchivelog), descriptionTemplate,
                encryptionSecret == null || encryptionSecret.isBlank() ? null : encryptionSecret.trim(),
                objective == null ? ObjectiveOverride.NONE : objective.figures().recoveryPointOverride());
    }

    /** The objective's figures, with the rules of those a policy sets (none when it sets no objective). */
    ObjectiveFigures objectiveFigures() {
        return objective == null ? ObjectiveFigures.recoveryPoint(null, null, null) : objective.figures();
    }

    private static Schedule schedule(ScheduleBody body, ZoneId zone) {
        return body == null ? null : Schedule.parse(body.cron(), body.days(), body.time(), zone);
    }
}
