package io.obconsole.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a demo cluster is started: where it listens, which OceanBase it pretends to be, who may sign
 * in, and how fast its time runs.
 *
 * @param host address to listen on
 * @param port port to listen on (0 = any free port)
 * @param version OceanBase version, e.g. {@code 4.2.1.0}; decides which statements exist
 * @param edition {@code CE} or {@code EE}; shows in VERSION() and @@version_comment
 * @param defaultPassword password of every account without its own entry in {@code passwords}
 * @param passwords password per account ({@code root@sys}, {@code root@mysql_tenant}, ...)
 * @param readOnlyAccounts extra accounts ({@code viewer@mysql_tenant}) that may read but not ALTER SYSTEM
 * @param fullBackupDuration what a tenant's full backup takes at the default ha_low_thread_score
 * @param clock the cluster's time: a {@link ScaledClock} for demos, a {@link ManualClock} for tests
 * @param scenario the tenants and their state at start
 * @param maxConnections connections the server accepts at once
 * @param stateFile where the cluster keeps its state across restarts (tenants, job numbering and
 *        history, backup sets), or null to start from {@code scenario} every time
 * @param latency how long statements take, per view ({@link DemoLatency#NONE}: at once)
 * @param userTenants how many user tenants the {@link Scenario#GENERATED} scenario creates
 */
public record DemoConfig(String host, int port, String version, String edition, String defaultPassword,
        Map<String, String> passwords, Set<String> readOnlyAccounts, Duration fullBackupDuration, Clock clock,
        Scenario scenario, int maxConnections, Path stateFile, DemoLatency latency, int userTenants) {

    /** The state the cluster starts in. */
    public enum Scenario {
        /** mysql_tenant ready with one full backup, oracle_tenant ready without one, analytics not ready. */
        DEMO,
        /** The same tenants with nothing configured: no archive, no backup dest, no backups. */
        FRESH,
        /** An older cluster's own tenants: erp ready with a full backup, hr ready without one. */
        LEGACY,
        /** Tenants that back themselves up: payroll (with its own full backup) and billing, both ready. */
        SELF_SERVICE,
        /** A cluster kept for restores: sys only, no user tenant, every server's capacity free. */
        DR,
        /**
         * A cluster of a generated fleet (a benchmark's hundreds of tenants): {@code userTenants}
         * tenants {@code tenant_01, tenant_02, ...}, each ready with yesterday's full backup; every
         * fifth runs a long full backup it started itself, so a fleet always has work under way.
         */
        GENERATED
    }

    public DemoConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(version);
        passwords = Map.copyOf(passwords);
        readOnlyAccounts = Set.copyOf(readOnlyAccounts);
        Objects.requireNonNull(clock);
        latency = latency == null ? DemoLatency.NONE : latency;
        if (userTenants < 0 || userTenants > 999) {
            throw new IllegalArgumentException("a demo cluster has 0 to 999 generated user tenants, not " + userTenants);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The demo as started by {@link DemoClusterMain}: port 2881, OceanBase CE 4.2.1.0. */
    public static DemoConfig demo() {
        return builder().build();
    }

    /** The password {@code account} signs in with. */
    public String passwordOf(String account) {
        return passwords.getOrDefault(account, defaultPassword);
    }

    /** Builder with the demo defaults; tests usually change port, clock and backup duration. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 2881;
        private String version = "4.2.1.0";
        private String edition = "CE";
        private String defaultPassword = "demo";
        private final Map<String, String> passwords = new LinkedHashMap<>();
        private final Set<String> readOnlyAccounts = new LinkedHashSet<>(Set.of("viewer@mysql_tenant"));
        private Duration fullBackupDuration = Duration.ofSeconds(60);
        private Clock clock;
        private double timeScale = 1.0;
        private Scenario scenario = Scenario.DEMO;
        private int maxConnections = 100;
        private Path stateFile;
        private DemoLatency latency = DemoLatency.NONE;
        private int userTenants = 20;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder edition(String edition) {
            this.edition = edition;
            return this;
        }

        public Builder defaultPassword(String password) {
            this.defaultPassword = password;
            return this;
        }

        public Builder password(String account, String password) {
            passwords.put(account, password);
            return this;
        }

        public Builder readOnlyAccount(String account) {
            readOnlyAccounts.add(account);
            return this;
        }

        public Builder fullBackupDuration(Duration duration) {
            this.fullBackupDuration = duration;
            return this;
        }

        /** Wall-clock time runs this many times faster (ignored when a clock is given). */
        public Builder timeScale(double scale) {
            this.timeScale = scale;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = scenario;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder latency(DemoLatency latency) {
            this.latency = latency;
            return this;
        }

        /** User tenants of the {@link Scenario#GENERATED} scenario. */
        public Builder userTenants(int userTenants) {
            this.userTenants = userTenants;
            return this;
        }

        /** Keep the state in this file across restarts (null: start from the scenario every time). */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        public DemoConfig build() {
            Clock effective = clock != null ? clock : new ScaledClock(Clock.systemDefaultZone(), timeScale);
            return new DemoConfig(host, port, version, edition, defaultPassword, passwords, readOnlyAccounts,
                    fullBackupDuration, effective, scenario, maxConnections, stateFile, latency, userTenants);
        }
    }
}
