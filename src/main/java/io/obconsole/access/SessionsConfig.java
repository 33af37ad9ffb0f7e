package io.obconsole.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the console remembers an ended sign-in session. */
@ConfigMapping(prefix = "console.sessions")
public interface SessionsConfig {

    /**
     * How long a signed-out session stays refused: at least the realm's longest session
     * ({@code ssoSessionMaxLifespan}), after which none of its tokens can be valid anyway.
     */
    @WithDefault("PT10H")
    Duration rememberSignedOut();

    /**
     * How often each instance reads the session ends the other instances shared ({@link EndedSessions}' schedule
     * reads it as {@code ${console.sessions.share-interval}}).
     */
    @WithDefault("2S")
    Duration shareInterval();
}
