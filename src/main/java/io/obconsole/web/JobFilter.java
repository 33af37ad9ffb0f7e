package io.obconsole.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The jobs page's filters as the form sent them; blank means "any". Dates are whole UTC days,
 * matched against the job's start.
 */
public record JobFilter(String cluster, String tenant, String type, String status, String from, String to) {

    boolean matches(JobView view) {
        var job = view.job();
        return blankOr(cluster, view.cluster()) && blankOr(tenant, job.tenantName()) && blankOr(type, view.type())
                && statusMatches(job.status()) && inRange(view);
    }

    private boolean statusMatches(String jobStatus) {
        if (blank(status)) {
            return true;
        }
        if (status.equals("RUNNING")) {
            return jobStatus.equals("INIT") || jobStatus.equals("DOING") || jobStatus.equals("CANCELING");
        }
        return status.equals(jobStatus);
    }

    private boolean inRange(JobView view) {
        if (view.job().start() == null) {
            return blank(from) && blank(to);
        }
        LocalDate day = ClusterTime.toUtc(view.job().start()).toLocalDate();
        LocalDate fromDay = date(from);
        LocalDate toDay = date(to);
        return (fromDay == null || !day.isBefore(fromDay)) && (toDay == null || !day.isAfter(toDay));
    }

    private static LocalDate date(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blankOr(String wanted, String actual) {
        return blank(wanted) || wanted.trim().equals(actual);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** What the status filter offers: RUNNING stands for INIT, DOING and CANCELING. */
    public java.util.List<String> statusChoices() {
        return java.util.List.of("RUNNING", "COMPLETED", "FAILED", "CANCELED");
    }

    public String value(String text) {
        return text == null ? "" : text;
    }
}
