package io.obconsole.api;

import io.obconsole.policy.ObjectiveFigures;

/** An objective's figures (a tenant's own, or a policy's): ISO-8601 durations (e.g. {@code PT12H}, {@code P7D}); null keeps the default. */
public record ObjectiveBody(String maxBackupAge, String maxFullAge, String maxArchiveLag, String maxRestoreTime,
        String provenWithin) {

    /** The figures, whose rules {@link ObjectiveFigures} declares. */
    ObjectiveFigures figures() {
        return new ObjectiveFigures(maxBackupAge, maxFullAge, maxArchiveLag, maxRestoreTime, provenWithin);
    }
}
