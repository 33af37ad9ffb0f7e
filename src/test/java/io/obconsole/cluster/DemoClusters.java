package io.obconsole.cluster;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.ManualClock;
import java.time.Duration;

/** Starts demo clusters on free ports for gateway tests and describes them as the console's settings would. */
final class DemoClusters {

    private DemoClusters() {
    }

    static DemoCluster start(ManualClock clock) {
        return start(clock, "4.2.1.0");
    }

    static DemoCluster start(ManualClock clock, String version) {
        return DemoCluster.start(DemoConfig.builder().port(0).clock(clock).version(version)
                .fullBackupDuration(Duration.ofSeconds(60)).build());
    }

    /** Plain connections with short timeouts: these tests are about statements, ClusterTlsTest is about TLS. */
    static ClusterSettings sys(String name, DemoCluster cluster) {
        return ClusterSettings.of(name, "127.0.0.1:" + cluster.port(), "root@sys", "demo", ClusterMode.SYS)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).withTls(ClusterTls.disabled());
    }

    static ClusterSettings tenant(String name, DemoCluster cluster, String account) {
        return ClusterSettings.of(name, "127.0.0.1:" + cluster.port(), account, "demo", ClusterMode.TENANT)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).withTls(ClusterTls.disabled());
    }
}
