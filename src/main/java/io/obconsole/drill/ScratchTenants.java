package io.obconsole.drill;

import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.ResourcePool;
import io.obconsole.cluster.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that removes what a drill created: its scratch tenant (CANCEL RESTORE while its
 * restore still runs, else {@code DROP TENANT ... FORCE}, also after a failed restore), then the pool and unit the run created.
 * It drops a tenant only if the run recorded it as created, its name is the one the run gives its
 * scratch tenant, and the cluster's tenant of that name has the id the run's restore gave it; any
 * other tenant is refused, whatever the run row says.
 */
@ApplicationScoped
class ScratchTenants {

    private final ClusterGateway gateway;

    ScratchTenants(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    /** Removes the run's scratch tenant, pool and unit where they exist; the statements sent. */
    List<ObStatement> remove(DrillRun run) {
        List<ObStatement> sent = new ArrayList<>();
        ObDialect dialect = gateway.dialect(run.drillCluster);
        if (run.scratchTenant != null && run.scratchCreated) {
            Optional<TenantRole> scratch = gateway.tenant(run.drillCluster, requireScratchName(run));
            if (scratch.isPresent()) {
                boolean restoreRunning = scratch.get().restoring() && gateway.runningRestores(run.drillCluster).stream()
                        .anyMatch(r -> r.tenantName().equals(scratch.get().name()));
                ObStatement drop = restoreRunning
                        ? dialect.cancelRestore(dialect.tenant(scratch.get().name(), List.of(scratch.get().name())))
                        : dialect.dropTenantForce(dialect.tenant(requireScratchId(run, scratch.get()),
                                List.of(scratch.get().name())));
                run(run, sent, drop);
            }
        }
        if (run.poolCreated) {
            List<ResourcePool> pools = gateway.resourcePools(run.drillCluster);
            List<String> poolNames = pools.stream().map(ResourcePool::name).toList();
            String pool = DrillNames.pool(run.id);
            if (poolNames.contains(pool)) {
                run(run, sent, dialect.dropResourcePool(pool, poolNames));
            }
            String unit = DrillNames.unit(run.id);
            List<String> units = gateway.resourceUnits(run.drillCluster);
            if (units.contains(unit)) {
                run(run, sent, dialect.dropResourceUnit(unit, units));
            }
        }
        return sent;
    }

    private void run(DrillRun run, List<ObStatement> sent, ObStatement statement) {
        gateway.run(run.drillCluster, List.of(statement));
        sent.add(statement);
    }

    /** The recorded name, if it is the one this run gives its scratch tenant. */
    private static String requireScratchName(DrillRun run) {
        String expected = DrillNames.scratchTenant(run.tenant, run.id);
        if (!expected.equals(run.scratchTenant)) {
            throw new ScratchRefusedException("Refused to drop tenant " + run.scratchTenant + " on " + run.drillCluster
                    + ": drill run " + run.id + " creates only " + expected + ", and the console drops no other tenant");
        }
        return expected;
    }

    /** The tenant's name, if the cluster's tenant of that name is the one the run's restore created. */
    private static String requireScratchId(DrillRun run, TenantRole tenant) {
        if (run.scratchTenantId == null || run.scratchTenantId != tenant.id()) {
            throw new ScratchRefusedException("Refused to drop tenant " + tenant.name() + " on " + run.drillCluster
                    + ": its id " + tenant.id() + " is not the one drill run " + run.id + "'s restore created ("
                    + (run.scratchTenantId == null ? "never seen" : run.scratchTenantId) + ")");
        }
        return tenant.name();
    }
}
