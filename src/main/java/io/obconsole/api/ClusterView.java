package io.obconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.FleetView.VisibleCluster;
import java.time.Instant;

/**
 * A cluster in the API's list: reachable with its version and visible tenant count, or
 * unreachable and why; {@code readAt} says when the console last read it (the API never reads a
 * cluster per call).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterView(String name, boolean reachable, String unreachableReason, String mode, String version,
        Integer tenants, Instant readAt) {

    static final String NOT_READ_YET = "not read yet: the console reads each cluster within seconds of starting";

    static ClusterView of(VisibleCluster visible) {
        ClusterState state = visible.state();
        if (!state.reachable() || !state.read()) {
            return new ClusterView(state.cluster(), false, reason(state), null, null, null, state.oldestRead());
        }
        return new ClusterView(state.cluster(), true, null, state.mode().name().toLowerCase(), state.version(),
                visible.tenants().size(), state.oldestRead());
    }

    static String reason(ClusterState state) {
        return state.problem() != null ? state.problem().reason() : NOT_READ_YET;
    }
}
