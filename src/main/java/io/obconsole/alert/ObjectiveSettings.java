package io.obconsole.alert;

import io.obconsole.policy.PolicyObjectives;
import io.obconsole.policy.ObjectiveOverride;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Which objectives apply to a tenant: the admin's own setting for the tenant (console database),
 * else its backup policy's (recovery point only), else the cluster's default, else the console's default, figure by
 * figure. Tenant settings and policy objectives are cached and re-read when a tenant setting is
 * changed through this instance and at each objective round.
 */
@ApplicationScoped
public class ObjectiveSettings {

    /** Where a figure came from, by the index of its source in {@link #of}. */
    private static final List<String> ORIGINS = List.of("tenant", "policy", "cluster", "default");

    private final ObjectivesConfig config;
    private final PolicyObjectives policies;
    private volatile Map<String, ObjectiveOverride> tenants = Map.of();
    private volatile PolicyObjectives.Lookup byPolicy = PolicyObjectives.Lookup.NONE;

    public ObjectiveSettings(ObjectivesConfig config, PolicyObjectives policies) {
        this.config = config;
        this.policies = policies;
    }

    public Objective of(String cluster, String tenant) {
        ObjectivesConfig.Defaults defaults = config.defaults();
        ObjectivesConfig.ClusterObjective forCluster = config.clusters().get(cluster);
        // most specific first: the tenant's own, its policy's, its cluster's, the console's
        List<ObjectiveOverride> sources = List.of(tenants.getOrDefault(key(cluster, tenant), ObjectiveOverride.NONE),
                byPolicy.forTenant(cluster, tenant).orElse(ObjectiveOverride.NONE),
                forCluster == null ? ObjectiveOverride.NONE : new ObjectiveOverride(forCluster.maxBackupAge().orElse(null),
                        forCluster.maxFullAge().orElse(null), forCluster.maxArchiveLag().orElse(null),
                        forCluster.maxRestoreTime().orElse(null), forCluster.provenWithin().orElse(null)),
                new ObjectiveOverride(defaults.maxBackupAge(), defaults.maxFullAge(), defaults.maxArchiveLag(),
                        defaults.maxRestoreTime(), defaults.provenWithin()));
        int backup = first(sources, ObjectiveOverride::maxBackupAge);
        int full = first(sources, ObjectiveOverride::maxFullAge);
        int lag = first(sources, ObjectiveOverride::maxArchiveLag);
        int restore = first(sources, ObjectiveOverride::maxRestoreTime);
        int proven = first(sources, ObjectiveOverride::provenWithin);
        return new Objective(value(sources, backup, ObjectiveOverride::maxBackupAge),
                value(sources, full, ObjectiveOverride::maxFullAge), value(sources, lag, ObjectiveOverride::maxArchiveLag),
                value(sources, restore, ObjectiveOverride::maxRestoreTime),
                value(sources, proven, ObjectiveOverride::provenWithin),
                ORIGINS.get(Math.min(Math.min(backup, Math.min(full, lag)), Math.min(restore, proven))),
                new Objective.Origins(ORIGINS.get(backup), ORIGINS.get(full), ORIGINS.get(lag), ORIGINS.get(restore),
                        ORIGINS.get(proven)));
    }

    /** The index of the first source that sets the figure (the console's default always does). */
    private static int first(List<ObjectiveOverride> sources, Function<ObjectiveOverride, Duration> figure) {
        for (int i = 0; i < sources.size() - 1; i++) {
            if (figure.apply(sources.get(i)) != null) {
                return i;
            }
        }
        return sources.size() - 1;
    }

    private static Duration value(List<ObjectiveOverride> sources, int index, Function<ObjectiveOverride, Duration> figure) {
        Duration limit = figure.apply(sources.get(index));
        return limit == null ? Duration.ZERO : limit;
    }

    /** The admin's own setting for the tenant, if any. */
    public Optional<ObjectiveOverride> tenantSetting(String cluster, String tenant) {
        return Optional.ofNullable(tenants.get(key(cluster, tenant)));
    }

    /** Stores (or, when empty, removes) the tenant's own objective. */
    public void save(String cluster, String tenant, ObjectiveOverride values, String by) {
        AlertTables.run("tenant objective not saved", () -> {
            TenantObjectiveSetting.delete("cluster = ?1 and tenant = ?2", cluster, tenant);
            if (!values.empty()) {
                TenantObjectiveSetting.store(cluster, tenant, values, by);
            }
        });
        reload();
    }

    /** Re-reads every tenant's own setting and every policy's objective (another instance may have changed one). */
    public void reload() {
        byPolicy = policies.read();
        tenants = AlertTables.call("tenant objectives not read", () -> TenantObjectiveSetting.<TenantObjectiveSetting>listAll()
                .stream().collect(Collectors.toUnmodifiableMap(setting -> key(setting.cluster, setting.tenant),
                        TenantObjectiveSetting::values)));
    }

    private static String key(String cluster, String tenant) {
        return cluster + "/" + tenant;
    }
}
