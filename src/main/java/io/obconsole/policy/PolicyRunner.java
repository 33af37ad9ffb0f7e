package io.obconsole.policy;

import io.obconsole.access.Operator;
import io.obconsole.audit.DuplicateActionException;
import io.obconsole.backup.AlreadyRunningException;
import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.BackupResult;
import io.obconsole.backup.BackupScope;
import io.obconsole.backup.BackupService;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.PreflightFinding;
import io.obconsole.backup.PreflightRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What happens when a policy's schedule fires: the slots owed since the last recorded one are
 * worked out from the schedule itself, old ones recorded MISSED, the newest one started (if still
 * within the grace period) through {@link BackupService#start} exactly as a person would start it,
 * on behalf of the policy's owner. Each slot is claimed in the database first, so of several
 * console instances only one starts it.
 */
@ApplicationScoped
public class PolicyRunner {

    private static final Logger LOG = Logger.getLogger(PolicyRunner.class);
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final PolicyRuns runs;
    private final BackupService backups;
    private final NamedSecrets secrets;
    private final PolicyConfig config;
    private final Consumer<PolicyRunRecorded> recorded;
    private final Clock clock;

    @Inject
    public PolicyRunner(PolicyRuns runs, BackupService backups, NamedSecrets secrets, PolicyConfig config,
            Event<PolicyRunRecorded> recorded) {
        this(runs, backups, secrets, config, recorded::fire, Clock.systemUTC());
    }

    /** For a second console instance in one JVM (tests): its own backup service, the same database. */
    public PolicyRunner(PolicyRuns runs, BackupService backups, NamedSecrets secrets, PolicyConfig config,
            Consumer<PolicyRunRecorded> recorded, Clock clock) {
        this.runs = runs;
        this.backups = backups;
        this.secrets = secrets;
        this.config = config;
        this.recorded = recorded;
        this.clock = clock;
    }

    /** The schedule of {@code kind} of the policy fired; {@code scheduled} is the time Quartz meant to fire it. */
    public void fire(long policyId, BackupType kind, Instant scheduled) {
        Optional<BackupPolicy> found = runs.policy(policyId);
        if (found.isEmpty() || found.get().paused || found.get().schedule(kind).isEmpty()) {
            return;
        }
        BackupPolicy policy = found.get();
        Instant now = clock.instant();
        Instant upTo = scheduled != null && scheduled.isAfter(now) ? scheduled : now;
        Instant after = runs.lastSlot(policyId, kind).filter(last -> last.isAfter(policy.since())).orElse(policy.since());
        List<Instant> due = policy.schedule(kind).get().slotsBetween(after, upTo);
        if (due.isEmpty()) {
            return;
        }
        Instant newest = due.get(due.size() - 1);
        List<Instant> missed = due.subList(0, due.size() - 1);
        int dropped = Math.max(0, missed.size() - config.maxMissedRecorded());
        for (Instant slot : missed.subList(dropped, missed.size())) {
            missed(policy, kind, slot, dropped > 0 && slot.equals(missed.get(dropped))
                    ? "No console instance was running at the time (" + dropped + " earlier slots were missed too)"
                    : "No console instance was running at the time");
        }
        if (Duration.between(newest, now).compareTo(config.missedRunGrace()) > 0) {
            missed(policy, kind, newest, "No console instance was running at the time, and the console came back more "
                    + "than " + config.missedRunGrace().toString().substring(2).toLowerCase() + " later");
        } else {
            run(policy, kind, newest);
        }
    }

    /** Starts the slot's backup if this instance wins the slot's claim, and records how it went. */
    void run(BackupPolicy policy, BackupType kind, Instant slot) {
        Optional<Long> claim = runs.claim(policy, kind, slot);
        if (claim.isEmpty()) {
            return;
        }
        long run = claim.get();
        try {
            BackupResult result = backups.start(policy.owner(), request(policy, kind, slot));
            record(policy, kind, slot, run, PolicyRunOutcome.STARTED, null, result);
        } catch (PreflightRefusedException e) {
            record(policy, kind, slot, run, PolicyRunOutcome.SKIPPED, "Preflight failed: " + findings(e), null);
        } catch (AlreadyRunningException e) {
            record(policy, kind, slot, run, PolicyRunOutcome.SKIPPED, e.getMessage(), null);
        } catch (DuplicateActionException e) {
            record(policy, kind, slot, run, PolicyRunOutcome.SKIPPED, "This slot was already started (audit record "
                    + e.originalIntentId() + ")", null);
        } catch (MissingSecretException | RuntimeException e) {
            LOG.warnf("Policy %d (%s/%s) could not start its %s backup of %s: %s", policy.id, policy.cluster,
                    policy.tenant, kind, slot, e.getMessage());
            record(policy, kind, slot, run, PolicyRunOutcome.FAILED_TO_START, e.getMessage(), null);
        }
    }

    private BackupRequest request(BackupPolicy policy, BackupType kind, Instant slot) throws MissingSecretException {
        EncryptionPassword password = null;
        EncryptionPassword confirmation = null;
        if (policy.secretName != null) {
            password = secrets.password(policy.secretName).orElseThrow(() -> new MissingSecretException(policy.secretName));
            char[] chars = password.reveal();
            confirmation = EncryptionPassword.of(chars);
            java.util.Arrays.fill(chars, '\0');
        }
        BackupScope scope = policy.allTenants() ? BackupScope.allTenants() : BackupScope.of(policy.tenant);
        return new BackupRequest(policy.cluster, scope, kind, policy.concurrency, password, confirmation,
                kind == BackupType.FULL && policy.plusArchivelog, description(policy, kind, slot), true,
                "policy-" + policy.id + "-" + kind + "-" + SLOT.format(slot));
    }

    /** The description template with {policy}, {type} and {slot} filled in. */
    static String description(BackupPolicy policy, BackupType kind, Instant slot) {
        if (policy.descriptionTemplate == null || policy.descriptionTemplate.isBlank()) {
            return null;
        }
        return policy.descriptionTemplate.replace("{policy}", String.valueOf(policy.id))
                .replace("{type}", kind.name()).replace("{slot}", SLOT.format(slot));
    }

    private void missed(BackupPolicy policy, BackupType kind, Instant slot, String reason) {
        runs.claim(policy, kind, slot).ifPresent(run -> record(policy, kind, slot, run, PolicyRunOutcome.MISSED, reason, null));
    }

    private void record(BackupPolicy policy, BackupType kind, Instant slot, long run, PolicyRunOutcome outcome,
            String reason, BackupResult result) {
        runs.record(run, outcome, reason, result == null ? null : result.auditId(), result == null ? List.of() : result.jobs());
        LOG.infof("Policy %d (%s/%s) %s run for %s: %s%s", policy.id, policy.cluster, policy.tenant, kind, slot, outcome,
                reason == null ? "" : " (" + reason + ")");
        recorded.accept(new PolicyRunRecorded(policy.id, policy.cluster, policy.tenant, slot, outcome, reason,
                policy.ownership.username));
    }

    private static String findings(PreflightRefusedException e) {
        String blocking = e.report().findings().stream().filter(PreflightFinding::blocking)
                .map(f -> f.tenant() + ": " + f.inWords()).collect(Collectors.joining("; "));
        return blocking.isEmpty() ? e.getMessage() : blocking;
    }

    /** The policy names a secret the console's configuration does not hold (any more). */
    static final class MissingSecretException extends Exception {
        MissingSecretException(String name) {
            super("No secret named '" + name + "' is configured (environment variable " + NamedSecrets.variable(name)
                    + " or a file of that name in the secrets directory)");
        }
    }
}
