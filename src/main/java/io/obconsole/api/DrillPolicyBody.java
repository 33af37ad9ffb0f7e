package io.obconsole.api;

import io.obconsole.api.PolicyBody.ScheduleBody;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.drill.DrillPoint;
import io.obconsole.drill.DrillSpec;
import io.obconsole.policy.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of a drill policy to create or replace; the decryption password is named, never sent. */
@Schema(description = "A restore drill policy. The schedule is a Quartz cron expression (seconds first) or the weekly "
        + "form (days and time), in timeZone.")
public record DrillPolicyBody(ScheduleBody schedule,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "The sys-mode cluster the scratch tenants are restored to", example = "demo") String drillCluster,
        @Schema(description = "A free resource pool of the drill cluster; absent: each drill creates its own unit and "
                + "pool, sized like the source tenant's, and drops them afterwards") String drillPool,
        @Schema(description = "LATEST (default) or RANDOM (a random point inside the recoverable window)") String point,
        @Schema(description = "Name of the secret holding the decryption password of encrypted backup sets",
                example = "nightly-key") String decryptionSecret,
        @Schema(description = "The RESTORE's concurrency option 0-100; absent = OceanBase's default") Integer concurrency,
        @Schema(description = "ISO-8601 duration after which the drill is stopped and failed (default PT1H)",
                example = "PT30M") String timeLimit) {

    DrillSpec toSpec() {
        ZoneId zone = Schedule.zone(timeZone);
        Schedule parsed = schedule == null ? null : Schedule.parse(schedule.cron(), schedule.days(), schedule.time(), zone);
        return new DrillSpec(parsed, drillCluster, blankToNull(drillPool), pointChoice(), blankToNull(decryptionSecret),
                concurrency, limit());
    }

    private DrillPoint pointChoice() {
        if (point == null || point.isBlank()) {
            return DrillPoint.LATEST;
        }
        try {
            return DrillPoint.valueOf(point.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("point is LATEST or RANDOM", "point is LATEST or RANDOM");
        }
    }

    private Duration limit() {
        if (timeLimit == null || timeLimit.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(timeLimit.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("timeLimit is an ISO-8601 duration such as PT30M",
                    "timeLimit is an ISO-8601 duration such as PT30M");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
