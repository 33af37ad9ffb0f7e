package io.obconsole.drill;

import io.obconsole.fleet.Fleet;
import io.obconsole.policy.PolicyConfig;
import io.obconsole.policy.PolicyTriggers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * A drill policy's schedule on the clustered Quartz store (beside the backup policies', fired on one
 * instance per slot), and the claims of its slots: one run per tenant per slot, claimed once across
 * instances, then left to the {@link DrillSupervisor}.
 */
@ApplicationScoped
public class DrillSlots {

    static final String GROUP = "drill-policies";
    private static final Logger LOG = Logger.getLogger(DrillSlots.class);

    private final PolicyTriggers triggers;
    private final DrillRuns runs;
    private final Fleet fleet;
    private final PolicyConfig policies;
    private final DrillSupervisor supervisor;
    private final DrillConfig config;
    private final Clock clock = Clock.systemUTC();

    DrillSlots(PolicyTriggers triggers, DrillRuns runs, Fleet fleet, PolicyConfig policies, DrillSupervisor supervisor,
            DrillConfig config) {
        this.triggers = triggers;
        this.runs = runs;
        this.fleet = fleet;
        this.policies = policies;
        this.supervisor = supervisor;
        this.config = config;
    }

    /** Replaces the policy's trigger by its schedule (none when paused). */
    void schedule(DrillPolicy policy) {
        if (policy.paused) {
            unschedule(policy.id);
        } else {
            triggers.schedule(GROUP, name(policy.id), DrillFireJob.class,
                    Map.of(DrillFireJob.POLICY, String.valueOf(policy.id)), policy.schedule());
        }
    }

    void unschedule(long policyId) {
        triggers.unschedule(GROUP, name(policyId));
    }

    Instant nextFire(long policyId) {
        java.util.Date next = triggers.nextFire(GROUP, name(policyId));
        return next == null ? null : next.toInstant();
    }

    /** The schedule fired for {@code scheduled}: a slot older than the missed-run grace is not drilled any more. */
    void fire(long policyId, Instant scheduled) {
        Optional<DrillPolicy> policy = runs.policy(policyId);
        if (policy.isEmpty() || policy.get().paused) {
            return;
        }
        if (Duration.between(scheduled, clock.instant()).compareTo(policies.missedRunGrace()) > 0) {
            LOG.infof("Drill policy %d: the slot of %s passed while no console ran; not drilled", policyId, scheduled);
            return;
        }
        claim(policy.get(), scheduled);
        drive();
    }

    /** Claims the slot's runs, one per tenant of the policy; the ids this instance claimed. */
    List<Long> claim(DrillPolicy policy, Instant slot) {
        List<String> tenants = policy.allTenants()
                ? fleet.cluster(policy.cluster).tenants().stream().map(t -> t.name()).toList()
                : List.of(policy.tenant);
        List<Long> claimed = new ArrayList<>();
        Instant at = slot.truncatedTo(ChronoUnit.MILLIS);
        for (String tenant : tenants) {
            runs.claim(policy, tenant, at, clock.instant()).ifPresent(claimed::add);
        }
        return claimed;
    }

    /** Lets the supervisor move the claimed runs on now, unless rounds run only on demand (tests). */
    void drive() {
        if (!"off".equalsIgnoreCase(config.interval())) {
            CompletableFuture.runAsync(supervisor::round);
        }
    }

    private static String name(long policyId) {
        return "drill-policy-" + policyId;
    }
}
