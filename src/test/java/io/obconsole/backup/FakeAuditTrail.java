package io.obconsole.backup;

import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.audit.DuplicateActionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory audit trail for plain tests of the backup service: records what it is told, can be "down". */
final class FakeAuditTrail implements AuditTrail {

    record Outcome(long intentId, AuditOutcome outcome, List<String> statements, Integer obCode, String obText,
            List<JobRef> jobs) {
    }

    final List<ActionIntent> intents = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, Long> keys = new HashMap<>();
    volatile boolean down;
    volatile Runnable afterIntent = () -> { };

    @Override
    public synchronized long recordIntent(ActionIntent intent) {
        if (down) {
            throw new AuditUnavailableException("audit database is down", null);
        }
        Long earlier = keys.get(intent.idempotencyKey());
        if (earlier != null) {
            throw new DuplicateActionException(earlier);
        }
        intents.add(intent);
        long id = intents.size();
        keys.put(intent.idempotencyKey(), id);
        afterIntent.run();
        return id;
    }

    @Override
    public synchronized void recordOutcome(long intentId, AuditOutcome outcome, List<String> statements, Integer obCode,
            String obText, List<JobRef> jobIds) {
        outcomes.add(new Outcome(intentId, outcome, statements, obCode, obText, jobIds));
    }

    record Refusal(ActionIntent attempt, AuditOutcome outcome, String reason) {
    }

    final List<Refusal> refusals = new ArrayList<>();

    @Override
    public synchronized void recordRefusal(ActionIntent attempt, AuditOutcome outcome, String reason) {
        refusals.add(new Refusal(attempt, outcome, reason));
    }

    @Override
    public List<JobRef> unendedStarts(int limit) {
        return List.of();
    }

    @Override
    public boolean recordJobEnded(JobRef job, String status, long result, String comment) {
        return true;
    }

    @Override
    public synchronized Optional<StartedBy> lastStart(String cluster, String tenant) {
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            Outcome o = outcomes.get(i);
            ActionIntent intent = intents.get((int) o.intentId() - 1);
            if (o.outcome() == AuditOutcome.ACCEPTED && intent.cluster().equals(cluster)
                    && intent.action().name().startsWith("BACKUP")
                    && (intent.tenants().contains(tenant) || intent.tenants().contains("*"))) {
                return Optional.of(new StartedBy(intent.actor().username(), Instant.parse("2026-01-02T03:04:05Z"),
                        o.intentId()));
            }
        }
        return Optional.empty();
    }

    synchronized Outcome lastOutcome() {
        return outcomes.get(outcomes.size() - 1);
    }

    /** Every string the trail holds, to prove a secret is not among them. */
    synchronized String everything() {
        return intents + " " + outcomes;
    }
}
