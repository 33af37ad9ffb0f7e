package io.obconsole.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Alerts and their delivery: when a condition becomes an event, how deliveries are retried, the signing keys. */
@ConfigMapping(prefix = "console.alerts")
public interface AlertConfig {

    /**
     * Signing keys by name ({@code console.alerts.keys.<name>=${ENV_VAR}}): a channel stores only the
     * name; the key itself is never stored, shown or logged.
     */
    Map<String, String> keys();

    /** A cluster that has not answered for this long raises CLUSTER_UNREACHABLE. */
    @WithDefault("PT2M")
    Duration unreachableAfter();

    /**
     * A condition that clears and comes back within this window after its recovery was sent is held
     * until the window has passed (an objective's breach never is).
     */
    @WithDefault("PT30M")
    Duration groupWindow();

    /** First retry delay of a delivery whose receiver failed; doubled each time up to {@link #retryMax()}. */
    @WithDefault("PT5S")
    Duration retryInitial();

    @WithDefault("PT10M")
    Duration retryMax();

    /** Attempts after which a delivery gives up (logged as GAVE_UP). */
    @WithDefault("30")
    int maxAttempts();

    /** Connect + answer timeout of one delivery attempt. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /**
     * How often the audit chain is checked ({@code 1h}; {@code off}: never on a schedule); a broken chain raises
     * AUDIT_CHAIN_BROKEN. {@link ChainWatch}'s schedule reads it as {@code ${console.alerts.chain-check-interval}}.
     */
    @WithDefault("1h")
    String chainCheckInterval();

    /** How often due deliveries are looked for ({@link Deliveries}' schedule: {@code ${console.alerts.delivery-tick}}). */
    @WithDefault("1s")
    String deliveryTick();

    /** This instance's name in the delivery log; the host name when absent. */
    Optional<String> instanceName();
}
