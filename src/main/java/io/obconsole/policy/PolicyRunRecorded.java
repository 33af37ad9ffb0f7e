package io.obconsole.policy;

/**
 * Fired (CDI event) for every run of a policy the console recorded, whatever its outcome, so that
 * other parts (alerts) can observe scheduled backups without reading the runs table.
 *
 * @param tenant      the tenant's name, or {@code *} for a policy over every tenant of the cluster
 * @param slot        the scheduled time the run belongs to
 * @param actorOwner  the username of the policy's owner, on whose behalf it ran
 */
public record PolicyRunRecorded(long policyId, String cluster, String tenant, java.time.Instant slot,
        PolicyRunOutcome outcome, String reason, String actorOwner) {
}
