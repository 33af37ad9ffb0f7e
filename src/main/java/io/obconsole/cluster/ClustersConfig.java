package io.obconsole.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The clusters the console manages, read from {@code console.clusters.<name>.*}. Rooted at
 * {@code console.clusters} (not {@code console}) so other {@code console.*} settings are not
 * taken for unknown members of this mapping.
 */
@ConfigMapping(prefix = "console.clusters")
public interface ClustersConfig {

    /** Every managed cluster by the name operators see (and write in {@code ob_scopes}). */
    @WithParentName
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

        /** TLS on the connections to this cluster. */
        Tls tls();

        /** The JDBC database to connect to; {@code oceanbase} holds the views. */
        Optional<String> database();
    }

    /** {@code console.clusters.<name>.tls.*}: encryption of the connections to one cluster. */
    interface Tls {

        /** {@code disabled}, {@code preferred}, {@code required}, {@code verify-ca} or {@code verify-identity}. */
        @WithDefault("preferred")
        String mode();

        /** PEM file of the CA that signed the cluster's certificate; needed by {@code verify-ca} and {@code verify-identity}. */
        Optional<Path> caFile();

        /** Refuse to send a backup encryption password over a connection that is not encrypted. */
        @WithDefault("false")
        boolean requiredForPasswords();
    }
}
