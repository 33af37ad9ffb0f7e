package io.obconsole.progress;

import io.obconsole.fleet.FleetJob;
import io.obconsole.fleet.FleetRestore;
import java.util.Map;

/**
 * The pages' own HTML for one job (fragment name to markup), rendered by the same templates the
 * page used, so a live update and a reload can never disagree. Implemented by the web layer.
 */
public interface JobFragments {

    /** @param mayOperate whether the audience may cancel the job's backups (its row then has a Cancel button) */
    Map<String, String> render(FleetJob job, boolean mayOperate);

    /** The same for a restore; {@code mayRestore}: its running row has a Cancel button, its success an Activate one. */
    Map<String, String> render(FleetRestore restore, boolean mayRestore);
}
