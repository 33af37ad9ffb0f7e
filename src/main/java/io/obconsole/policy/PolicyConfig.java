package io.obconsole.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of backup policies: where named secrets live and how missed slots are treated. */
@ConfigMapping(prefix = "console.policies")
public interface PolicyConfig {

    /**
     * Directory of secret files: the secret {@code nightly-key} is the file {@code nightly-key} in it
     * (Docker and Kubernetes mount secrets at {@code /run/secrets}). The environment variable
     * {@code OBC_SECRET_NIGHTLY_KEY} takes precedence over the file.
     */
    @WithDefault("/run/secrets")
    Path secretsDir();

    /** A slot missed while no console ran is still run once if the console is back within this time; else MISSED. */
    @WithDefault("PT1H")
    Duration missedRunGrace();

    /** The shortest time allowed between two runs of one schedule (protects the cluster from a typo like every second). */
    @WithDefault("PT1H")
    Duration minInterval();

    /** Most MISSED runs recorded for one schedule after a long outage (older ones are summed up in the last one's reason). */
    @WithDefault("50")
    int maxMissedRecorded();
}
