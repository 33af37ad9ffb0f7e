package io.obconsole.api;

import io.obconsole.api.PolicyBody.ScheduleBody;
import io.obconsole.backup.Quote;
import io.obconsole.drill.DrillPoint;
import io.obconsole.drill.DrillSpec;
import io.obconsole.policy.IsoDuration;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.TimeZoneName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of a drill policy to create or replace; the decryption password is named, never sent.
 * Its shape is declared here and checked once the person may manage drill policies.
 */
@Schema(description = "A restore drill policy. The schedule is a Quartz cron expression (seconds first) or the weekly "
        + "form (days and time), in timeZone.")
public record DrillPolicyBody(@Valid ScheduleBody schedule,
        @TimeZoneName(payload = Quote.AfterColon.class) @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "The sys-mode cluster the scratch tenants are restored to", example = "demo") String drillCluster,
        @Schema(description = "A free resource pool of the drill cluster; absent: each drill creates its own unit and "
                + "pool, sized like the source tenant's, and drops them afterwards") String drillPool,
        @Pattern(regexp = "(?i)\\s*(?:LATEST|RANDOM)?\\s*", message = "{drill.point}")
        @Schema(description = "LATEST (default) or RANDOM (a random point inside the recoverable window)") String point,
        @Pattern(regexp = NamedSecrets.TYPED_NAME, message = "{secret.name}")
        @Schema(description = "Name of the secret holding the decryption password of encrypted backup sets",
                example = "nightly-key") String decryptionSecret,
        @Min(value = 0, message = "{drill.concurrency}", payload = Quote.Got.class)
        @Max(value = 100, message = "{drill.concurrency}", payload = Quote.Got.class)
        @Schema(description = "The RESTORE's concurrency option 0-100; absent = OceanBase's default") Integer concurrency,
        @IsoDuration(figure = "timeLimit", message = "{drill.timeLimit}")
        @Schema(description = "ISO-8601 duration after which the drill is stopped and failed (default PT1H)",
                example = "PT30M") String timeLimit) {

    DrillSpec toSpec() {
        ZoneId zone = Schedule.zone(timeZone);
        Schedule parsed = schedule == null ? null : Schedule.parse(schedule.cron(), schedule.days(), schedule.time(), zone);
        return new DrillSpec(parsed, drillCluster, blankToNull(drillPool), pointChoice(), blankToNull(decryptionSecret),
                concurrency, limit());
    }

    private DrillPoint pointChoice() {
        return point == null || point.isBlank() ? DrillPoint.LATEST
                : DrillPoint.valueOf(point.trim().toUpperCase(Locale.ROOT));
    }

    private Duration limit() {
        return timeLimit == null || timeLimit.isBlank() ? null : Duration.parse(timeLimit.trim());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
