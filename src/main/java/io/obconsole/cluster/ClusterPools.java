package io.obconsole.cluster;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ExceptionSorter;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * One small Agroal pool per cluster, plus the throw-away connections a backup with an encryption
 * password needs (the password lives in the session, so that session must never be pooled).
 */
public final class ClusterPools implements AutoCloseable {

    static final String DRIVER = "com.mysql.cj.jdbc.Driver";

    private final Map<String, ClusterSettings> settings = new LinkedHashMap<>();
    private final Map<String, AgroalDataSource> pools = new LinkedHashMap<>();
    private final Map<String, CaTrustStore> trustStores = new LinkedHashMap<>();
    private final StatementCounter statements = new StatementCounter();

    public ClusterPools(Collection<ClusterSettings> clusters) {
        for (ClusterSettings cluster : clusters) {
            settings.put(cluster.name(), cluster);
            cluster.tls().caFile().ifPresent(pem -> trustStores.put(cluster.name(), CaTrustStore.fromPem(cluster.name(), pem)));
            pools.put(cluster.name(), open(cluster, driverProperties(cluster)));
        }
    }

    /** The statements sent through these pools' connections. */
    public StatementCounter statements() {
        return statements;
    }

    public Set<String> names() {
        return settings.keySet();
    }

    /** The settings of a configured cluster, or {@link UnknownClusterException}. */
    public ClusterSettings settings(String cluster) {
        ClusterSettings found = settings.get(cluster);
        if (found == null) {
            throw new UnknownClusterException(cluster);
        }
        return found;
    }

    /** A pooled connection; closing it returns it to the pool. */
    public Connection borrow(String cluster) throws SQLException {
        settings(cluster);
        return statements.counting(pools.get(cluster).getConnection());
    }

    /** A connection straight from the driver, outside every pool; the caller closes it and nobody reuses it. */
    public Connection dedicated(String cluster) throws SQLException {
        return dedicated(cluster, null);
    }

    /** As {@link #dedicated(String)}, with reads that may take {@code longest} (null: the cluster's query timeout). */
    public Connection dedicated(String cluster, Duration longest) throws SQLException {
        ClusterSettings cluster1 = settings(cluster);
        Driver driver = driver();
        Properties properties = driverProperties(cluster1);
        if (longest != null) {
            properties.setProperty("socketTimeout", String.valueOf(longest.toMillis()));
        }
        properties.setProperty("user", cluster1.user());
        properties.setProperty("password", cluster1.password() == null ? "" : cluster1.password());
        Connection connection = driver.connect(cluster1.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("driver refused URL " + cluster1.jdbcUrl(), "08001");
        }
        return statements.counting(connection);
    }

    private static Driver driver() throws SQLException {
        try {
            return (Driver) Class.forName(DRIVER).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("MySQL driver missing: " + DRIVER, "08001", e);
        }
    }

    private static AgroalDataSource open(ClusterSettings cluster, Properties driverProperties) {
        AgroalDataSourceConfigurationSupplier supplier = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(cluster.poolSize())
                        .acquisitionTimeout(cluster.connectTimeout())
                        .validateOnBorrow(true)
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(
                                (int) Math.max(1, cluster.connectTimeout().toSeconds())))
                        .exceptionSorter(ExceptionSorter.fatalExceptionSorter())
                        .idleValidationTimeout(Duration.ofMinutes(1))
                        .reapTimeout(Duration.ofMinutes(5))
                        .maxLifetime(Duration.ofMinutes(30))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(cluster.jdbcUrl())
                                    .connectionProviderClassName(DRIVER)
                                    .autoCommit(true)
                                    .principal(new NamePrincipal(cluster.user()))
                                    .credential(new SimplePassword(cluster.password() == null ? "" : cluster.password()));
                            driverProperties.forEach((k, v) -> factory.jdbcProperty((String) k, (String) v));
                            return factory;
                        }));
        try {
            return AgroalDataSource.from(supplier);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the connection pool of cluster " + cluster.name(), e);
        }
    }

    /**
     * Timeouts on the socket itself, so a silent cluster cannot hold a thread longer than the query
     * timeout; TLS as configured, verified against the cluster's CA only (not the JVM's public CAs).
     */
    private Properties driverProperties(ClusterSettings cluster) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(cluster.connectTimeout().toMillis()));
        properties.setProperty("socketTimeout", String.valueOf(cluster.queryTimeout().toMillis()));
        properties.setProperty("sslMode", cluster.tls().mode().name());
        CaTrustStore trust = trustStores.get(cluster.name());
        if (trust != null) {
            properties.setProperty("trustCertificateKeyStoreUrl", trust.url());
            properties.setProperty("trustCertificateKeyStoreType", "PKCS12");
            properties.setProperty("trustCertificateKeyStorePassword", trust.password());
            properties.setProperty("fallbackToSystemTrustStore", "false");
        }
        // OceanBase has no server-side prepared statements worth the round trips for one-off control statements
        properties.setProperty("useServerPrepStmts", "false");
        properties.setProperty("cacheServerConfiguration", "true");
        return properties;
    }

    /** Whether this connection to the cluster runs over TLS, as the driver established it. */
    public static boolean encrypted(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getSession().isSSLEstablished();
    }

    @Override
    public void close() {
        pools.values().forEach(AgroalDataSource::close);
        pools.clear();
    }
}
