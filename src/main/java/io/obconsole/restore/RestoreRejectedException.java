package io.obconsole.restore;

import io.obconsole.backup.OceanBaseRejectedException;
import io.obconsole.cluster.ObError;

/**
 * OceanBase refused a restore statement (RESTORE, CANCEL RESTORE, ACTIVATE, a unit or pool): the
 * same codes mean other things here than for a backup (4179 is a taken name, 4018 an uncovered
 * point on older clusters), so the failure catalogue explains them as a restore's.
 */
public class RestoreRejectedException extends OceanBaseRejectedException {

    public RestoreRejectedException(ObError error) {
        super(error);
    }
}
