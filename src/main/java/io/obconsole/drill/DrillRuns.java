package io.obconsole.drill;

import io.obconsole.fleet.TenantsChanged;
import io.obconsole.policy.SlotClaim;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The drill runs table, each read and write in a transaction of its own so that every console
 * instance sees a claim, a lease or a step as soon as it is made.
 */
@ApplicationScoped
public class DrillRuns {

    /** A run claimed or moved to another state: the pages that show its tenant read it again. */
    @Inject
    Event<TenantsChanged> changes;

    /** The policy as stored now, detached; empty if it was deleted. */
    Optional<DrillPolicy> policy(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(DrillPolicy.<DrillPolicy>findById(id)));
    }

    /** Claims the tenant's drill in that slot; empty when another instance (or an earlier fire) has it. */
    Optional<Long> claim(DrillPolicy policy, String tenant, Instant slot, Instant now) {
        Optional<Long> claimed = SlotClaim.claim(() -> {
            DrillRun run = new DrillRun();
            run.policyId = policy.id;
            run.slot = utc(slot);
            run.cluster = policy.cluster;
            run.tenant = tenant;
            run.drillCluster = policy.drillCluster;
            run.state = DrillState.PENDING;
            run.claimedAt = utc(now);
            run.persistAndFlush();
            return run.id;
        });
        claimed.ifPresent(id -> changed(policy.cluster, tenant));
        return claimed;
    }

    List<DrillRun> unended() {
        return QuarkusTransaction.requiringNew().call(DrillRun::unended);
    }

    Optional<DrillRun> run(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(DrillRun.<DrillRun>findById(id)));
    }

    /**
     * Takes (or keeps) the run's lease for {@code owner} until {@code until}: granted when nobody
     * holds it, when {@code owner} already does (this instance, or this instance before a restart),
     * or when the holder's lease ran out. One update, so two instances never both win it.
     */
    boolean take(long id, String owner, Instant now, Instant until) {
        return QuarkusTransaction.requiringNew().call(() -> DrillRun.update("leaseOwner = ?1, leaseUntil = ?2 where id = ?3 "
                + "and (leaseOwner is null or leaseOwner = ?1 or leaseUntil < ?4)", owner, utc(until), id, utc(now))) == 1;
    }

    /** Changes the run as {@code change} says, in a transaction of its own; the run as stored afterwards. */
    DrillRun change(long id, Consumer<DrillRun> change) {
        DrillState[] before = new DrillState[1];
        DrillRun changed = QuarkusTransaction.requiringNew().call(() -> {
            DrillRun run = DrillRun.findById(id);
            before[0] = run.state;
            change.accept(run);
            return run;
        });
        if (changed.state != before[0]) {
            changed(changed.cluster, changed.tenant);
        }
        return changed;
    }

    private void changed(String cluster, String tenant) {
        changes.fire(new TenantsChanged(cluster, Set.of(tenant)));
    }

    /** Whether another run holds the drill cluster (a RESTORE sent, or its clean-up not done). */
    boolean clusterBusy(String drillCluster, long exceptRun) {
        return QuarkusTransaction.requiringNew().call(() -> DrillRun.count("drillCluster = ?1 and id <> ?2 and state in ?3",
                drillCluster, exceptRun, List.of(DrillState.RESTORING, DrillState.CLEANING))) > 0;
    }

    List<DrillRun> recent(String cluster, String tenant, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> DrillRun.recent(cluster, tenant, limit));
    }

    Optional<DrillRun> lastProven(String cluster, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> DrillRun.lastProven(cluster, tenant));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
