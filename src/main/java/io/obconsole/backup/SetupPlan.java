package io.obconsole.backup;

import java.util.List;

/**
 * What a set-up change will do, for the confirmation page and the API: the value before and
 * after, the statements (credentials masked) and what the change means for backups and recovery.
 */
public record SetupPlan(String cluster, String tenant, SetupAction action, String before, String after,
        List<String> statements, List<String> warnings) {
}
