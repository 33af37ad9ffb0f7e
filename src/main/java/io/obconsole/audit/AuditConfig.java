package io.obconsole.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the audit trail; the defaults suit the demo and most production setups. */
@ConfigMapping(prefix = "console.audit")
public interface AuditConfig {

    /**
     * How long one append may take, waiting for the chain head included, before the action is
     * refused as "audit unavailable". Short, so a dead database refuses quickly.
     */
    @WithDefault("5S")
    Duration appendTimeout();

    /** Refused attempts recorded per person and minute; more are counted, and the count recorded with the next. */
    @WithDefault("20")
    int refusalsPerMinute();

    /** How long one read of the trail (a page, an export, the chain check) may take before it answers "unavailable". */
    @WithDefault("30S")
    Duration readTimeout();

    /** Most rows one CSV export returns. */
    @WithDefault("10000")
    int csvMaxRows();
}
