package io.obconsole.alert;

import java.time.Duration;

/** Figures that replace a tenant's defaults where not null (an admin's setting, or a backup policy's). */
public record ObjectiveOverride(Duration maxBackupAge, Duration maxFullAge, Duration maxArchiveLag) {

    public boolean empty() {
        return maxBackupAge == null && maxFullAge == null && maxArchiveLag == null;
    }
}
