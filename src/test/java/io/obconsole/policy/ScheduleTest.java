package io.obconsole.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.obconsole.backup.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theWeeklyFormIsACronExpressionAndReadsBack() {
        Schedule s = Schedule.parse(null, List.of("thu", "Monday"), "02:30", BERLIN);
        assertThat(s.cron()).isEqualTo("0 30 2 ? * MON,THU");
        assertThat(s.weeklyDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(s.weeklyTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(Schedule.cron("0 0 1 * * ?", BERLIN).weeklyDays()).isEmpty();
    }

    @Test
    void runsFollowTheNamedZoneAcrossDaylightSavingTime() {
        Schedule s = Schedule.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), BERLIN);
        // 2026-03-29 is the Sunday Berlin skips 02:00-03:00; 2026-10-25 it repeats it
        List<Instant> runs = s.nextRuns(Instant.parse("2026-10-20T00:00:00Z"), 2);
        assertThat(runs.get(0).atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(runs.get(1).atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(runs.get(1).atZone(BERLIN).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 1));
        assertThat(runs.get(1).atZone(ZoneId.of("UTC")).getHour()).isEqualTo(1);
    }

    @Test
    void slotsBetweenAreTheScheduleTimesInTheInterval() {
        Schedule hourly = Schedule.cron("0 0 * * * ?", ZoneId.of("UTC"));
        assertThat(hourly.slotsBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T03:00:00Z")))
                .containsExactly(Instant.parse("2026-01-01T01:00:00Z"), Instant.parse("2026-01-01T02:00:00Z"),
                        Instant.parse("2026-01-01T03:00:00Z"));
    }

    @Test
    void aScheduleMoreFrequentThanAllowedOrInvalidIsRefused() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> Schedule.cron("0 */10 * * * ?", BERLIN).requireInterval(Duration.ofHours(1), now))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more often");
        Schedule.cron("0 0 */2 * * ?", BERLIN).requireInterval(Duration.ofHours(1), now);
        assertThatThrownBy(() -> Schedule.cron("nightly", BERLIN)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Schedule.parse(null, List.of("MON"), null, BERLIN)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Schedule.zone("Nowhere/Else")).isInstanceOf(InvalidRequestException.class);
        assertThat(Schedule.parse(" ", null, null, BERLIN)).isNull();
    }
}
