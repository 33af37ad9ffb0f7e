package io.obconsole.policy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The objectives backup policies set: a tenant's own policy decides for it (even one that sets no
 * objective); a tenant without one follows its cluster's policy for every tenant ({@code *}).
 * Paused policies still set theirs: a paused schedule is exactly what the objective should catch.
 */
@ApplicationScoped
public class ObjectivesByPolicy implements PolicyObjectives {

    @Override
    public Lookup read() {
        Map<String, ObjectiveOverride> byTenant = QuarkusTransaction.requiringNew().call(() -> BackupPolicy.all().stream()
                .collect(Collectors.toMap(p -> key(p.cluster, p.tenant), BackupPolicy::objective)));
        return (cluster, tenant) -> {
            ObjectiveOverride own = byTenant.get(key(cluster, tenant));
            ObjectiveOverride applies = own != null ? own : byTenant.get(key(cluster, BackupPolicy.ALL_TENANTS));
            return applies == null || applies.empty() ? Optional.empty() : Optional.of(applies);
        };
    }

    private static String key(String cluster, String tenant) {
        return cluster + "/" + tenant;
    }
}
