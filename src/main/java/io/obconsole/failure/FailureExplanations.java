package io.obconsole.failure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What a failed job's RESULT code means and what to do, from the one failure catalogue, next to OceanBase's own COMMENT. */
@ApplicationScoped
public class FailureExplanations {

    @Inject
    FailureCatalogue catalogue;

    /** The explanation of a job result; null for success, a general sentence for codes not known here. */
    public String of(long result) {
        return catalogue.jobResult(result);
    }

    /** What an ended restore means (restored as a STANDBY, cancelled, or failed with its COMMENT). */
    public String restoreEnd(io.obconsole.fleet.FleetRestore restore) {
        return catalogue.restoreEnd(restore.succeeded(), restore.cancelled(), restore.row().comment());
    }
}
