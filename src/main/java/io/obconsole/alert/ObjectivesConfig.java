package io.obconsole.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Objectives from configuration (recovery point, restore time, proven within): the defaults for
 * every cluster, each figure overridable per cluster ({@code console.objectives.clusters.<name>.*});
 * a tenant's own values (set by an admin) and its backup policy (recovery point only) come on top.
 * A zero duration means "no objective".
 */
@ConfigMapping(prefix = "console.objectives")
public interface ObjectivesConfig {

    /** The objective of every tenant whose cluster and tenant say nothing else. */
    Defaults defaults();

    /** Per cluster: any of the figures, replacing the default for that cluster's tenants. */
    Map<String, ClusterObjective> clusters();

    /** Fraction of a limit past which a tenant is AT RISK (0.8 = at 80 % of its maximum age). */
    @WithDefault("0.8")
    double warningFraction();

    /**
     * How often the tenants' state is read and the objectives evaluated ({@code 30s}, {@code 1m}; {@code off}: only
     * when asked). {@link ObjectiveWatch}'s schedule reads it as {@code ${console.objectives.interval}}.
     */
    @WithDefault("30s")
    String interval();

    /** The default figures. */
    interface Defaults {
        /** Maximum age of the newest successful backup set, FULL or INCREMENTAL. */
        @WithDefault("P1D")
        Duration maxBackupAge();

        /** Maximum age of the newest successful FULL backup set. */
        @WithDefault("P7D")
        Duration maxFullAge();

        /** Maximum log-archive lag (cluster now - archive checkpoint); archiving not DOING breaches it. */
        @WithDefault("PT15M")
        Duration maxArchiveLag();

        /** Restore-time objective: the longest the restore of the last proven drill may have taken. */
        @WithDefault("PT4H")
        Duration maxRestoreTime();

        /**
         * How recently a drill must have proven the tenant restorable (a weekly drill with a day's
         * grace); judged only for tenants a drill policy covers or a drill has proven.
         */
        @WithDefault("P8D")
        Duration provenWithin();
    }

    /** A cluster's figures; an absent one keeps the default. */
    interface ClusterObjective {
        Optional<Duration> maxBackupAge();

        Optional<Duration> maxFullAge();

        Optional<Duration> maxArchiveLag();

        Optional<Duration> maxRestoreTime();

        Optional<Duration> provenWithin();
    }
}
