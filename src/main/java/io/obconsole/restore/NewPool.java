package io.obconsole.restore;

import io.obconsole.cluster.ServerCapacity.UnitSize;
import java.util.List;

/**
 * The unit and pool a restore creates for its new tenant when asked to: sized like the source
 * tenant's own unit, with its unit count (or the one asked), in the target cluster's zones.
 */
public record NewPool(UnitSize unit, int unitNum, List<String> zones) {

    public NewPool {
        zones = List.copyOf(zones);
    }
}
