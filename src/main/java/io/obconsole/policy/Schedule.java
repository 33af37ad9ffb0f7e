package io.obconsole.policy;

import io.obconsole.backup.InvalidRequestException;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * When one kind of backup of a policy runs: a Quartz cron expression (seconds first) in a named
 * time zone. The weekly form people use most (days of the week and a time) is a cron expression
 * too, and is read back from it for display.
 */
public record Schedule(String cron, ZoneId zone) {

    /** The rules a schedule's fields break, as people read them: here and in their constraints' messages. */
    public static final String NOT_A_DAY = "Not a day of the week";
    public static final String NOT_A_TIME = "Not a time of day (HH:MM)";
    public static final String NOT_A_ZONE = "Not a time zone name (e.g. Europe/Berlin, UTC)";
    public static final String NOT_A_CRON = "Not a valid cron expression (Quartz format, seconds first, e.g. '0 30 2 ? * MON-FRI')";

    private static final Pattern WEEKLY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\? \\* ([A-Z,]+)");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /**
     * The schedule a form or an API body describes: a cron expression, or else the weekly form's
     * days ({@code MON} or {@code MONDAY}, any case) and time ({@code HH:MM}); null when neither is given.
     */
    public static Schedule parse(String cron, List<String> days, String time, ZoneId zone) {
        if (cron != null && !cron.isBlank()) {
            return cron(cron, zone);
        }
        boolean noDays = days == null || days.stream().allMatch(d -> d == null || d.isBlank());
        if (noDays && (time == null || time.isBlank())) {
            return null;
        }
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        for (String day : noDays ? List.<String>of() : days) {
            if (day == null || day.isBlank()) {
                continue;
            }
            DayOfWeek found = dayOfWeek(day).orElseThrow(() -> new InvalidRequestException(NOT_A_DAY + ": "
                    + bounded(day), NOT_A_DAY));
            parsed.add(found);
        }
        LocalTime at = time == null || time.isBlank() ? null : timeOfDay(time).orElseThrow(() ->
                new InvalidRequestException(NOT_A_TIME + ": " + bounded(time), NOT_A_TIME));
        return weekly(parsed, at, zone);
    }

    /** A day of the week as a person names it: {@code MON} or {@code MONDAY}, any case. */
    public static Optional<DayOfWeek> dayOfWeek(String day) {
        String upper = day.trim().toUpperCase(Locale.ROOT);
        return java.util.Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().equals(upper) || d.name().startsWith(upper) && upper.length() == 3).findFirst();
    }

    /** A time of day such as {@code 02:30}. */
    public static Optional<LocalTime> timeOfDay(String time) {
        try {
            return Optional.of(LocalTime.parse(time.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A named time zone such as {@code Europe/Berlin}. */
    public static Optional<ZoneId> zoneId(String name) {
        try {
            return Optional.of(ZoneId.of(name.trim()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether Quartz accepts the expression (seconds first; at most 120 characters once its spaces are folded). */
    public static boolean isCron(String cron) {
        String expression = folded(cron);
        return !expression.isEmpty() && expression.length() <= 120 && CronExpression.isValidExpression(expression);
    }

    private static String folded(String cron) {
        return cron == null ? "" : cron.trim().replaceAll("\\s+", " ");
    }

    /** A named time zone such as {@code Europe/Berlin}; UTC when none is given. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        return zoneId(name).orElseThrow(() -> new InvalidRequestException(NOT_A_ZONE + ": "
                + bounded(name), NOT_A_ZONE));
    }

    /** A cron schedule; throws {@link InvalidRequestException} for an expression Quartz does not accept. */
    public static Schedule cron(String cron, ZoneId zone) {
        String expression = folded(cron);
        if (!isCron(expression)) {
            throw new InvalidRequestException(NOT_A_CRON + ": " + bounded(cron), NOT_A_CRON);
        }
        return new Schedule(expression, zone);
    }

    /** Every given day of the week at the given time of day. */
    public static Schedule weekly(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
        if (days == null || days.isEmpty()) {
            throw new InvalidRequestException("Choose at least one day of the week");
        }
        if (time == null) {
            throw new InvalidRequestException("Choose a time of day");
        }
        String list = EnumSet.copyOf(days).stream().map(d -> DAYS.get(d.getValue() - 1)).collect(Collectors.joining(","));
        return new Schedule("0 " + time.getMinute() + " " + time.getHour() + " ? * " + list, zone);
    }

    /** The days of the weekly form, or empty when the cron expression is not of that form. */
    public Set<DayOfWeek> weeklyDays() {
        Matcher m = WEEKLY.matcher(cron);
        if (!m.matches()) {
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : m.group(3).split(",")) {
            int index = DAYS.indexOf(day);
            if (index < 0) {
                return Set.of();
            }
            days.add(DayOfWeek.of(index + 1));
        }
        return days;
    }

    /** The time of the weekly form, or null when the cron expression is not of that form. */
    public LocalTime weeklyTime() {
        Matcher m = WEEKLY.matcher(cron);
        return m.matches() && !weeklyDays().isEmpty()
                ? LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))) : null;
    }

    /** The next {@code count} runs strictly after {@code after}. */
    public List<Instant> nextRuns(Instant after, int count) {
        CronExpression expression = expression();
        List<Instant> runs = new ArrayList<>();
        Date at = Date.from(after);
        while (runs.size() < count) {
            at = expression.getTimeAfter(at);
            if (at == null) {
                break;
            }
            runs.add(at.toInstant());
        }
        return runs;
    }

    /** The slots in {@code (after, upTo]}, oldest first. */
    public List<Instant> slotsBetween(Instant after, Instant upTo) {
        CronExpression expression = expression();
        List<Instant> slots = new ArrayList<>();
        Date at = expression.getTimeAfter(Date.from(after));
        while (at != null && !at.toInstant().isAfter(upTo)) {
            slots.add(at.toInstant());
            at = expression.getTimeAfter(at);
        }
        return slots;
    }

    /** Refuses a schedule whose runs come closer together than {@code min} (checked over its next runs). */
    public void requireInterval(Duration min, Instant from) {
        List<Instant> runs = nextRuns(from, 50);
        if (runs.isEmpty()) {
            throw new InvalidRequestException("The schedule '" + cron + "' never runs", "The schedule never runs");
        }
        for (int i = 1; i < runs.size(); i++) {
            if (Duration.between(runs.get(i - 1), runs.get(i)).compareTo(min) < 0) {
                String rule = "runs more often than every " + min.toString().substring(2).toLowerCase(Locale.ROOT)
                        + ", the shortest interval allowed";
                throw new InvalidRequestException("The schedule '" + cron + "' " + rule, "The schedule " + rule);
            }
        }
    }

    /** Quartz's own parser, in this schedule's zone. */
    public CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new InvalidRequestException("Not a valid cron expression: " + bounded(cron), "Not a valid cron expression");
        }
    }

    private static String bounded(String text) {
        return text == null ? "(none)" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
