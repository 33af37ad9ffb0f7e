package io.obconsole.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The clusters the console manages, read from {@code console.clusters.<name>.*}. */
@ConfigMapping(prefix = "console")
public interface ClustersConfig {

    /** Every managed cluster by the name operators see (and write in {@code ob_scopes}). */
    Map<String, ClusterConfig> clusters();

    /** How to reach one cluster and how long to wait for it. */
    interface ClusterConfig {

        /** {@code host:port} of an observer (2881) or an obproxy (2883). */
        String address();

        /** The account, e.g. {@code root@sys}, {@code admin@mysql_tenant} or {@code root@sys#cluster} through obproxy. */
        String user();

        /** The account's password. */
        String password();

        /** {@code sys} (act on any user tenant) or {@code tenant} (act on the signed-in tenant only). */
        @WithDefault("sys")
        ClusterMode mode();

        /** Connections kept for this cluster; small, because OceanBase control statements are few. */
        @WithDefault("4")
        int poolSize();

        /** How long to wait for a TCP connection (and for a free pooled one) before calling the cluster unreachable. */
        @WithDefault("5S")
        Duration connectTimeout();

        /** How long one statement may take before the socket is given up and the cluster called unreachable. */
        @WithDefault("15S")
        Duration queryTimeout();

        /** Connector/J {@code sslMode} (DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY). */
        @WithDefault("DISABLED")
        String sslMode();

        /** The JDBC database to connect to; {@code oceanbase} holds the views. */
        Optional<String> database();
    }
}
