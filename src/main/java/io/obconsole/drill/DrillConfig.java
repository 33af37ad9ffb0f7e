package io.obconsole.drill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of restore drills: how often runs are driven, and how long an instance holds a run. */
@ConfigMapping(prefix = "console.drills")
public interface DrillConfig {

    /**
     * How often each instance drives the drill runs it holds and looks for runs left behind ({@code off}: only on
     * demand). {@link DrillSupervisor}'s schedule reads it as {@code ${console.drills.interval}}.
     */
    @WithDefault("10s")
    String interval();

    /**
     * How long a run stays with the instance driving it without a heartbeat: an instance that dies
     * mid-drill leaves its runs to another (or to itself, restarted) after this.
     */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * This instance's name in the runs it holds; give each instance its own. A restarted instance
     * takes its own runs back at once. Default: the host name.
     */
    Optional<String> instanceName();

    /** The time limit of a drill whose policy sets none. */
    @WithDefault("PT1H")
    Duration defaultTimeLimit();
}
