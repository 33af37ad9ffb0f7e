package io.obconsole.backup;

/** The preflight at submit failed (or needs an acknowledgement); nothing was sent to the cluster. */
public class PreflightRefusedException extends RuntimeException {

    private final PreflightReport report;

    public PreflightRefusedException(String message, PreflightReport report) {
        super(message);
        this.report = report;
    }

    public PreflightReport report() {
        return report;
    }
}
