package io.obconsole.demo.launch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the console starts by itself for a first run and for the tests: a real MariaDB for the
 * audit trail, the demo OceanBase cluster and a real Keycloak. Off in production.
 */
@ConfigMapping(prefix = "console.embedded")
public interface EmbeddedConfig {

    /** Start the embedded services at all (dev and test: yes; prod: never). */
    @WithDefault("false")
    boolean enabled();

    AuditDb auditDb();

    Demo demo();

    Keycloak keycloak();

    /** The embedded MariaDB that holds the audit trail. */
    interface AuditDb {
        /** Port MariaDB listens on (127.0.0.1). */
        @WithDefault("3316")
        int port();

        /** Folder of its data files; survives restarts so the audit trail is kept. */
        @WithDefault(".embedded/audit-db")
        String dataDir();

        /** Delete the data folder at start (tests start from an empty trail). */
        @WithDefault("false")
        boolean fresh();

        /** Database (schema) the console uses. */
        @WithDefault("obconsole")
        String database();

        /** How long to wait for MariaDB to accept connections (a busy machine needs more than a few seconds). */
        @WithDefault("PT180S")
        Duration startTimeout();
    }

    /** The demo OceanBase fleet (see {@code io.obconsole.demo.DemoFleet}). */
    interface Demo {
        /** Port of the first cluster's MySQL protocol (real observers use 2881); the others take the next ports. */
        @WithDefault("2881")
        int port();

        /** Password of every demo account (root@sys, root@mysql_tenant, ...). */
        @WithDefault("demo")
        String password();

        /** {@code scaled}: time runs by the wall clock (times the scale); {@code manual}: tests advance it. */
        @WithDefault("scaled")
        String clock();

        /** What a tenant's full backup takes at the default backup concurrency. */
        @WithDefault("PT60S")
        Duration fullBackupDuration();

        /** How long statements take: {@code none}, or {@code realistic} (GV$ views and backup-set files tens to hundreds of ms). */
        @WithDefault("none")
        String latency();

        /** Where the cluster keeps its tenants, job numbering and history across restarts, as an observer does. */
        @WithDefault(".embedded/demo-cluster.json")
        String stateFile();

        /** Delete the state file at start (tests start from the demo scenario). */
        @WithDefault("false")
        boolean fresh();

        /** Generated clusters beside the four, for seeing the console at the size of a real estate. */
        Fleet fleet();

        /** A generated fleet ({@code fleet-001}, ...: see {@code io.obconsole.demo.DemoFleet.Generated}); none by default. */
        interface Fleet {
            /** How many clusters (0: none, the four alone). */
            @WithDefault("0")
            int clusters();

            /** User tenants per generated cluster ({@code tenant_01}, ...); every fifth runs a long backup. */
            @WithDefault("20")
            int tenants();

            /** Port of the first generated cluster; the others take the next ports. */
            @WithDefault("3400")
            int port();

            /** The fleet these settings describe. */
            default io.obconsole.demo.DemoFleet.Generated generated() {
                return new io.obconsole.demo.DemoFleet.Generated(clusters(), tenants(), port());
            }
        }
    }

    /** The Keycloak server with the demo realm. */
    interface Keycloak {
        /** HTTP port of Keycloak. */
        @WithDefault("8180")
        int port();

        /** Unpacked keycloak-quarkus-dist (the build unpacks it from the Maven cache into target/keycloak). */
        Optional<String> home();

        /** The realm imported at start. */
        @WithDefault("docker/keycloak/obconsole-realm.json")
        String realmFile();

        /**
         * Further people imported into the realm beside its own, each file in Keycloak's
         * {@code <realm>-users-<n>.json} form ({@code {"realm": ..., "users": [...]}}): the tests' own
         * people, kept out of the demo realm.
         */
        Optional<List<String>> usersFiles();

        /** How long to wait for Keycloak to serve the realm (its first start on a busy machine builds itself first). */
        @WithDefault("PT480S")
        Duration startTimeout();

        /** Heap limit of the Keycloak JVM. */
        @WithDefault("512m")
        String maxHeap();
    }
}
