package io.obconsole.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.obconsole.demo.engine.SharedStorage;

/**
 * The demo fleet: four OceanBase clusters side by side, so the console shows what differs between
 * them without anyone writing configuration. Each member is its own cluster on its own port (the
 * base port plus its offset), so one being down leaves the others working. They share one backup
 * storage ({@link SharedStorage}), so a tenant backed up on one can be restored on another.
 *
 * <ul>
 *   <li>{@code demo}: 4.2.1, the console signs in as {@code root@sys} ({@code TENANT = all_user});</li>
 *   <li>{@code legacy}: 4.2.0, sys mode, its own tenants (before 4.2.1 only {@code TENANT = all});</li>
 *   <li>{@code payroll}: a cluster entry in tenant mode: the console signs in as the tenant's own
 *       administrator {@code root@payroll} and backs the tenant up with {@code ALTER SYSTEM BACKUP
 *       DATABASE}, reading {@code DBA_} views;</li>
 *   <li>{@code dr}: 4.3.2, sys mode, no user tenant and free capacity: where other clusters' tenants
 *       are restored (it has {@code RESTORE ... PREVIEW}, which 4.2.1 and 4.2.0 lack).</li>
 * </ul>
 */
public final class DemoFleet implements AutoCloseable {

    /** One cluster of the fleet and how the console's configuration entry for it reads. */
    public record Member(String name, String version, DemoConfig.Scenario scenario, String account, String mode,
            int portOffset) {

        /** A builder for this member: its port (the fleet's base port plus its offset), version and tenants. */
        public DemoConfig.Builder configure(int basePort) {
            return DemoConfig.builder().port(basePort + portOffset).version(version).scenario(scenario);
        }
    }

    public static final List<Member> MEMBERS = List.of(
            new Member("demo", "4.2.1.0", DemoConfig.Scenario.DEMO, "root@sys", "sys", 0),
            new Member("legacy", "4.2.0.0", DemoConfig.Scenario.LEGACY, "root@sys", "sys", 1),
            new Member("payroll", "4.2.1.0", DemoConfig.Scenario.SELF_SERVICE, "root@payroll", "tenant", 2),
            new Member("dr", "4.3.2.0", DemoConfig.Scenario.DR, "root@sys", "sys", 3));

    private final Map<String, DemoCluster> clusters;
    private final Function<Member, DemoConfig> configs;
    private final SharedStorage storage;

    private DemoFleet(Map<String, DemoCluster> clusters, Function<Member, DemoConfig> configs, SharedStorage storage) {
        this.clusters = clusters;
        this.configs = configs;
        this.storage = storage;
    }

    /** Starts every member with the configuration {@code configs} gives it (see {@link Member#configure}). */
    public static DemoFleet start(Function<Member, DemoConfig> configs) {
        Map<String, DemoCluster> started = new LinkedHashMap<>();
        SharedStorage storage = new SharedStorage();
        try {
            for (Member member : MEMBERS) {
                started.put(member.name(), DemoCluster.start(configs.apply(member), storage));
            }
        } catch (RuntimeException e) {
            started.values().forEach(DemoCluster::close);
            throw e;
        }
        return new DemoFleet(started, configs, storage);
    }

    /**
     * Stops one member, runs {@code whileStopped} (e.g. deletes its state file), and starts it again
     * with its configuration (and its state file, if it still has one).
     */
    public synchronized DemoCluster restart(String name, Runnable whileStopped) {
        DemoCluster old = cluster(name);
        old.close();
        whileStopped.run();
        Member member = MEMBERS.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        DemoCluster started = DemoCluster.start(configs.apply(member), storage);
        clusters.put(name, started);
        return started;
    }

    /** The member by its console name ({@code demo}, {@code legacy}, {@code payroll}, {@code dr}). */
    public synchronized DemoCluster cluster(String name) {
        DemoCluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new IllegalArgumentException("the demo fleet has no cluster " + name);
        }
        return cluster;
    }

    public List<DemoCluster> clusters() {
        return new ArrayList<>(clusters.values());
    }

    @Override
    public void close() {
        clusters.values().forEach(DemoCluster::close);
    }
}
