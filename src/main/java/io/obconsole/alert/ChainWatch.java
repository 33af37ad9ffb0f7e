package io.obconsole.alert;

import io.obconsole.audit.ChainReport;
import io.obconsole.audit.ChainVerifier;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Checks the audit chain on a schedule, so that a trail altered outside the console raises an alert without anyone looking. */
@ApplicationScoped
public class ChainWatch {

    private static final Logger LOG = Logger.getLogger(ChainWatch.class);

    private final ChainVerifier verifier;
    private final Alarms alarms;

    public ChainWatch(ChainVerifier verifier, Alarms alarms) {
        this.verifier = verifier;
        this.alarms = alarms;
    }

    @Scheduled(identity = "audit-chain-check", every = "${console.alerts.chain-check-interval}", delayed = "60S",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf("Audit chain check not run: %s", e.getMessage());
        }
    }

    /** Verifies the chain now and raises or clears the AUDIT_CHAIN_BROKEN condition; returns the verdict. */
    public ChainReport check() {
        ChainReport report = verifier.verify();
        alarms.chain(report);
        return report;
    }
}
