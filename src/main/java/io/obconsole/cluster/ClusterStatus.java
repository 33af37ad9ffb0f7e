package io.obconsole.cluster;

/** A cluster as an overview shows it: its snapshot, or that it is unreachable and the driver's reason. */
public sealed interface ClusterStatus {

    String cluster();

    record Reachable(String cluster, ClusterSnapshot snapshot) implements ClusterStatus {
    }

    record Unreachable(String cluster, String reason) implements ClusterStatus {
    }
}
