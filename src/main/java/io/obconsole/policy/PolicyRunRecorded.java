package io.obconsole.policy;

import java.time.Instant;

/**
 * A policy run was recorded (fired as a CDI event by the policy scheduler, on the instance that
 * ran the slot); alerts observe it.
 */
public record PolicyRunRecorded(long policyId, String cluster, String tenant, Instant slot, PolicyRunOutcome outcome,
        String reason, String actorOwner) {
}
