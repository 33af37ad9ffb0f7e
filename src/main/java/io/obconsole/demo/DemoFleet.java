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
 *
 * <p>Beside the four, a {@link Generated} fleet of any number of clusters ({@code fleet-001},
 * {@code fleet-002}, ...) with many tenants each, for seeing the console at the size of a real
 * estate (docs/bench/fleet.sh).
 */
public final class DemoFleet implements AutoCloseable {

    /** One cluster of the fleet and how the console's configuration entry for it reads. */
    public record Member(String name, String version, DemoConfig.Scenario scenario, String account, String mode,
            int portOffset, int userTenants) {

        Member(String name, String version, DemoConfig.Scenario scenario, String account, String mode, int portOffset) {
            this(name, version, scenario, account, mode, portOffset, 0);
        }

        /** A builder for this member: its port (the fleet's base port plus its offset), version and tenants. */
        public DemoConfig.Builder configure(int basePort) {
            return DemoConfig.builder().port(basePort + portOffset).version(version).scenario(scenario)
                    .userTenants(userTenants);
        }

        /** One of a {@link Generated} fleet (not one of the four). */
        public boolean generated() {
            return scenario == DemoConfig.Scenario.GENERATED;
        }
    }

    /**
     * {@code clusters} generated clusters ({@code fleet-001} ...: 4.2.1, sys mode, the
     * {@link DemoConfig.Scenario#GENERATED} scenario with {@code tenants} user tenants each) on
     * {@code port}, {@code port + 1}, ...
     */
    public record Generated(int clusters, int tenants, int port) {

        /** No generated cluster: the four alone. */
        public static final Generated NONE = new Generated(0, 20, 3400);

        public Generated {
            if (clusters < 0 || clusters > 999) {
                throw new IllegalArgumentException("a generated fleet has 0 to 999 clusters, not " + clusters);
            }
            if (tenants < 1 || tenants > 99) {
                throw new IllegalArgumentException("a generated cluster has 1 to 99 user tenants, not " + tenants);
            }
            if (clusters > 0 && (port < 1 || port + clusters - 1 > 65535)) {
                throw new IllegalArgumentException("generated clusters cannot listen on ports " + port + " to "
                        + (port + clusters - 1));
            }
        }

        /**
         * The four and then the generated clusters; a generated one's offset counts from {@code basePort}
         * (the four's base port), so the console's entries and the clusters agree as for the four.
         */
        public List<Member> members(int basePort) {
            List<Member> members = new ArrayList<>(MEMBERS);
            for (int i = 0; i < clusters; i++) {
                members.add(new Member(String.format(java.util.Locale.ROOT, "fleet-%03d", i + 1), "4.2.1.0",
                        DemoConfig.Scenario.GENERATED, "root@sys", "sys", port + i - basePort, tenants));
            }
            return List.copyOf(members);
        }
    }

    /** The four, as today. */
    public static final List<Member> MEMBERS = List.of(
            new Member("demo", "4.2.1.0", DemoConfig.Scenario.DEMO, "root@sys", "sys", 0),
            new Member("legacy", "4.2.0.0", DemoConfig.Scenario.LEGACY, "root@sys", "sys", 1),
            new Member("payroll", "4.2.1.0", DemoConfig.Scenario.SELF_SERVICE, "root@payroll", "tenant", 2),
            new Member("dr", "4.3.2.0", DemoConfig.Scenario.DR, "root@sys", "sys", 3));

    private final List<Member> members;
    private final Map<String, DemoCluster> clusters;
    private final Function<Member, DemoConfig> configs;
    private final SharedStorage storage;

    private DemoFleet(List<Member> members, Map<String, DemoCluster> clusters, Function<Member, DemoConfig> configs,
            SharedStorage storage) {
        this.members = members;
        this.clusters = clusters;
        this.configs = configs;
        this.storage = storage;
    }

    /** Starts the four with the configuration {@code configs} gives each (see {@link Member#configure}). */
    public static DemoFleet start(Function<Member, DemoConfig> configs) {
        return start(MEMBERS, configs);
    }

    /** Starts {@code members} (e.g. {@link Generated#members}) with the configuration {@code configs} gives each. */
    public static DemoFleet start(List<Member> members, Function<Member, DemoConfig> configs) {
        Map<String, DemoCluster> started = new LinkedHashMap<>();
        SharedStorage storage = new SharedStorage();
        try {
            for (Member member : members) {
                started.put(member.name(), DemoCluster.start(configs.apply(member), storage));
            }
        } catch (RuntimeException e) {
            started.values().forEach(DemoCluster::close);
            throw e;
        }
        return new DemoFleet(List.copyOf(members), started, configs, storage);
    }

    /**
     * Stops one member, runs {@code whileStopped} (e.g. deletes its state file), and starts it again
     * with its configuration (and its state file, if it still has one).
     */
    public synchronized DemoCluster restart(String name, Runnable whileStopped) {
        DemoCluster old = cluster(name);
        old.close();
        whileStopped.run();
        Member member = members.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
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

    /** The members this fleet started, in order. */
    public List<Member> members() {
        return members;
    }

    public List<DemoCluster> clusters() {
        return new ArrayList<>(clusters.values());
    }

    @Override
    public void close() {
        clusters.values().forEach(DemoCluster::close);
    }
}
