package io.obconsole.api;

/** An admin's objective for one tenant: ISO-8601 durations (e.g. {@code PT12H}, {@code P7D}); null keeps the default. */
public record ObjectiveBody(String maxBackupAge, String maxFullAge, String maxArchiveLag) {
}
