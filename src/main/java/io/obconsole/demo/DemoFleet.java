package io.obconsole.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo fleet: three OceanBase clusters side by side, so the console shows what differs between
 * them without anyone writing configuration. Each member is its own cluster on its own port (the
 * base port plus its offset), so one being down leaves the others working.
 *
 * <ul>
 *   <li>{@code demo}: 4.2.1, the console signs in as {@code root@sys} ({@code TENANT = all_user});</li>
 *   <li>{@code legacy}: 4.2.0, sys mode, its own tenants (before 4.2.1 only {@code TENANT = all});</li>
 *   <li>{@code payroll}: a cluster entry in tenant mode: the console signs in as the tenant's own
 *       administrator {@code root@payroll} and backs the tenant up with {@code ALTER SYSTEM BACKUP
 *       DATABASE}, reading {@code DBA_} views.</li>
 * </ul>
 */
public final class DemoFleet implements AutoCloseable {

    /** One cluster of the fleet and how the console's configuration entry for it reads. */
    public record Member(String name, String version, DemoConfig.Scenario scenario, String account, String mode,
            int portOffset) {
    }

    public static final List<Member> MEMBERS = List.of(
            new Member("demo", "4.2.1.0", DemoConfig.Scenario.DEMO, "root@sys", "sys", 0),
            new Member("legacy", "4.2.0.0", DemoConfig.Scenario.LEGACY, "root@sys", "sys", 1),
            new Member("payroll", "4.2.1.0", DemoConfig.Scenario.SELF_SERVICE, "root@payroll", "tenant", 2));

    private final Map<String, DemoCluster> clusters;

    private DemoFleet(Map<String, DemoCluster> clusters) {
        this.clusters = clusters;
    }

    /**
     * Starts every member on {@code basePort} + its offset, all on one clock (tests advance it
     * once for the whole fleet), with the same password for every account.
     */
    public static DemoFleet start(int basePort, String password, Duration fullBackupDuration, Clock clock,
            DemoLatency latency) {
        Map<String, DemoCluster> started = new LinkedHashMap<>();
        try {
            for (Member member : MEMBERS) {
                started.put(member.name(), DemoCluster.start(DemoConfig.builder()
                        .port(basePort + member.portOffset())
                        .version(member.version())
                        .scenario(member.scenario())
                        .defaultPassword(password)
                        .readOnlyAccount("viewer@mysql_tenant")
                        .fullBackupDuration(fullBackupDuration)
                        .clock(clock)
                        .latency(latency)
                        .build()));
            }
        } catch (RuntimeException e) {
            started.values().forEach(DemoCluster::close);
            throw e;
        }
        return new DemoFleet(started);
    }

    /** The member by its console name ({@code demo}, {@code legacy}, {@code payroll}). */
    public DemoCluster cluster(String name) {
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
