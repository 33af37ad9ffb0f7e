package io.obconsole.policy;

import io.obconsole.cluster.BackupType;
import io.obconsole.backup.StartedJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runs table, each write in its own transaction so that a claim is visible to every console
 * instance before the backup starts: the unique key on (policy, kind, slot) lets one claim win.
 */
@ApplicationScoped
public class PolicyRuns {

    private final Clock clock;

    public PolicyRuns() {
        this(Clock.systemUTC());
    }

    PolicyRuns(Clock clock) {
        this.clock = clock;
    }

    /** The policy as stored now, detached; empty if it was deleted. */
    public Optional<BackupPolicy> policy(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(BackupPolicy.<BackupPolicy>findById(id)));
    }

    /** The newest slot of that kind already recorded (or claimed) for the policy. */
    public Optional<Instant> lastSlot(long policyId, BackupType kind) {
        return QuarkusTransaction.requiringNew().call(() -> PolicyRun.lastSlot(policyId, kind))
                .map(slot -> slot.toInstant(ZoneOffset.UTC));
    }

    /** Claims the slot for this instance; empty when another instance (or an earlier fire) has it. */
    public Optional<Long> claim(BackupPolicy policy, BackupType kind, Instant slot) {
        return SlotClaim.claim(() -> {
            PolicyRun run = new PolicyRun();
            run.policyId = policy.id;
            run.kind = kind;
            run.slot = utc(slot);
            run.cluster = policy.cluster;
            run.tenant = policy.tenant;
            run.claimedAt = utc(clock.instant());
            run.persistAndFlush();
            return run.id;
        });
    }

    /** Writes how the claimed run ended. */
    public void record(long runId, PolicyRunOutcome outcome, String reason, Long auditId, List<StartedJob> jobs) {
        QuarkusTransaction.requiringNew().run(() -> {
            PolicyRun run = PolicyRun.findById(runId);
            run.outcome = outcome;
            run.reason = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason;
            run.auditId = auditId;
            run.jobRefs = jobs == null || jobs.isEmpty() ? null
                    : jobs.stream().map(j -> j.tenant() + ":" + j.tenantId() + ":" + j.jobId()).collect(Collectors.joining(","));
            run.recordedAt = utc(clock.instant());
        });
    }

    /** The policy's runs, newest slot first. */
    public List<PolicyRun> recent(long policyId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> PolicyRun.recent(policyId, limit));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
