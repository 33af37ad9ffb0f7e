package io.obconsole.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * One cluster's connection settings as plain values, so pools and tests need no config source.
 * {@link #toString()} leaves the password out.
 */
public record ClusterSettings(String name, String address, String user, String password, ClusterMode mode,
        int poolSize, Duration connectTimeout, Duration queryTimeout, ClusterTls tls, String database) {

    public ClusterSettings {
        Objects.requireNonNull(name);
        Objects.requireNonNull(address);
        Objects.requireNonNull(user);
        Objects.requireNonNull(mode);
        tls = tls == null ? ClusterTls.preferred() : tls;
        if (tls.verifies() && tls.caFile().isEmpty()) {
            throw new IllegalArgumentException("cluster " + name + ": tls.mode " + tls.mode() + " needs tls.ca-file");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size of cluster " + name + " must be at least 1");
        }
    }

    /** Settings with the defaults of {@link ClustersConfig}. */
    public static ClusterSettings of(String name, String address, String user, String password, ClusterMode mode) {
        return new ClusterSettings(name, address, user, password, mode, 4, Duration.ofSeconds(5), Duration.ofSeconds(15),
                ClusterTls.preferred(), "oceanbase");
    }

    static ClusterSettings from(String name, ClustersConfig.ClusterConfig config) {
        return new ClusterSettings(name, config.address(), config.user(), config.password(), config.mode(),
                config.poolSize(), config.connectTimeout(), config.queryTimeout(),
                new ClusterTls(ClusterTls.Mode.parse(config.tls().mode()), config.tls().caFile(),
                        config.tls().requiredForPasswords()),
                config.database().orElse("oceanbase"));
    }

    public ClusterSettings withTimeouts(Duration connect, Duration query) {
        return new ClusterSettings(name, address, user, password, mode, poolSize, connect, query, tls, database);
    }

    public ClusterSettings withPoolSize(int size) {
        return new ClusterSettings(name, address, user, password, mode, size, connectTimeout, queryTimeout, tls,
                database);
    }

    public ClusterSettings withTls(ClusterTls newTls) {
        return new ClusterSettings(name, address, user, password, mode, poolSize, connectTimeout, queryTimeout, newTls,
                database);
    }

    /** The URL without credentials: the user holds '@' and '#', so it travels as a property. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + address + "/" + database;
    }

    @Override
    public String toString() {
        return "ClusterSettings[" + name + " " + user + " at " + address + ", " + mode + "]";
    }
}
