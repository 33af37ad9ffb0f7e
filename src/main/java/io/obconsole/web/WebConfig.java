package io.obconsole.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** What the pages need to know beyond the clusters: when a recovery point counts as old, how much history to show. */
@ConfigMapping(prefix = "console.web")
public interface WebConfig {

    /** Age of the newest FULL backup set past which the overview shows it amber. */
    @WithDefault("P7D")
    Duration fullAmberAfter();

    /** Age of the newest FULL backup set past which the overview shows it red. */
    @WithDefault("P14D")
    Duration fullRedAfter();

    /** Age of the newest INCREMENTAL backup set past which the overview shows it amber. */
    @WithDefault("P1D")
    Duration incAmberAfter();

    /** Age of the newest INCREMENTAL backup set past which the overview shows it red. */
    @WithDefault("P2D")
    Duration incRedAfter();

    /**
     * How many tenant rows the overview shows before it folds the clusters that need no one (no
     * tenant unreachable, breached, failed or stalled) to one line each, opened on demand.
     */
    @WithDefault("50")
    int overviewRows();

    /** How many ended jobs per cluster the job and tenant pages read. */
    @WithDefault("200")
    int jobHistory();

    /** The zone the clusters' clocks run in (job times are cluster wall-clock times without a zone). */
    @WithDefault("UTC")
    ZoneId clusterTimeZone();

    /** The console's address as people reach it: alert messages link to its pages from here. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** How long a reviewed backup waits for its confirmation before the operator must fill the form again. */
    @WithDefault("PT10M")
    Duration reviewTimeout();

    /** How many reviewed backups one person may have waiting for confirmation at once (each holds a password in memory). */
    @WithDefault("5")
    int maxPendingReviews();

    /**
     * The key CSRF tokens are signed with. Unset, each start picks a random one (open forms then
     * need a reload after a restart); several console instances behind one address must share it.
     */
    Optional<String> csrfKey();
}
