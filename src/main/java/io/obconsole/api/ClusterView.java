package io.obconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.obconsole.cluster.ClusterStatus;

/** A cluster in the API's list: reachable with its version and visible tenant count, or unreachable and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterView(String name, boolean reachable, String unreachableReason, String mode, String version,
        Integer tenants) {

    static ClusterView of(ClusterStatus status) {
        if (status instanceof ClusterStatus.Reachable up) {
            return new ClusterView(up.cluster(), true, null, up.snapshot().mode().name().toLowerCase(),
                    up.snapshot().version(), up.snapshot().tenants().size());
        }
        ClusterStatus.Unreachable down = (ClusterStatus.Unreachable) status;
        return new ClusterView(down.cluster(), false, down.reason(), null, null, null);
    }
}
