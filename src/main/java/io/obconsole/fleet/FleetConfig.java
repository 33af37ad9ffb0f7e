package io.obconsole.fleet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the fleet's read model is kept beyond the progress rounds (console.progress.*). */
@ConfigMapping(prefix = "console.fleet")
public interface FleetConfig {

    /**
     * How often the reads that are costly on a real cluster (GV$ views, backup-set files, archive
     * and destinations with them) run; also right after a job ends or the console acted.
     */
    @WithDefault("30S")
    Duration stateInterval();

    /** How long a start or cancel waits for the fleet to read the cluster again, so what follows shows it. */
    @WithDefault("5S")
    Duration actionRefreshWait();

    /** Backup sets kept per tenant (the tenant page's table and chart). */
    @WithDefault("30")
    int backupSets();
}
