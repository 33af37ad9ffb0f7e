package io.obconsole.policy;

import io.obconsole.backup.InvalidRequestException;

/**
 * What a person sets in a policy: a FULL and/or an INCREMENTAL schedule, backup options, the
 * name of the secret holding the encryption password (never the password), and the recovery-point
 * objective the policy sets for its tenants.
 *
 * @param concurrency         ha_low_thread_score set before each backup (0-100), or null to leave it
 * @param descriptionTemplate the backup's DESCRIPTION, with {policy}, {type} and {slot} filled in per run
 * @param objective           the figures the policy sets ({@link ObjectiveOverride#NONE}: none)
 */
public record PolicySpec(Schedule full, Schedule incremental, Integer concurrency, boolean plusArchivelog,
        String descriptionTemplate, String secretName, ObjectiveOverride objective) {

    public PolicySpec {
        objective = objective == null ? ObjectiveOverride.NONE : objective;
    }

    /**
     * Checks the rules between its fields (the shape of each field is declared where it is read:
     * the API body, the page form).
     */
    public void validate() {
        if (full == null && incremental == null) {
            throw new InvalidRequestException("A policy needs a FULL schedule, an INCREMENTAL schedule, or both");
        }
        if (plusArchivelog && full == null) {
            throw new InvalidRequestException("PLUS ARCHIVELOG exists only for a full backup: add a FULL schedule");
        }
    }
}
