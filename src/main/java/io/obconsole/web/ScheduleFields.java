package io.obconsole.web;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One schedule of a policy form (a backup policy's full and incremental, a drill policy's), as the
 * shared {@code schedulefields} tag shows it: days of the week and a time, or a cron expression.
 * The form fields are named {@code <name>Days}, {@code <name>Time} and {@code <name>Cron}.
 */
@TemplateData
public record ScheduleFields(String name, List<Day> days, String time, String cron) {

    /** A day's box, checked when the schedule runs on it. */
    @TemplateData
    public record Day(String day, boolean checked) {
    }

    static ScheduleFields of(String name, List<String> chosen, String time, String cron) {
        return new ScheduleFields(name, PolicyPageResource.DAYS.stream().map(d -> new Day(d, chosen.contains(d))).toList(),
                time == null ? "" : time, cron == null ? "" : cron);
    }
}
