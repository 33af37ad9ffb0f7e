package io.obconsole.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.demo.DemoFleet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's cluster entries follow the demo fleet: the four, and a generated fleet's clusters when there is one. */
class DemoFleetConfigSourceFactoryTest {

    @Test
    void withoutAGeneratedFleetTheEntriesAreTheFoursAlone() {
        Map<String, String> entries = DemoFleetConfigSourceFactory.consoleEntries(2881, "demo", DemoFleet.Generated.NONE);
        assertThat(entries.keySet()).filteredOn(key -> key.endsWith(".address")).containsExactly(
                "console.clusters.demo.address", "console.clusters.legacy.address", "console.clusters.payroll.address",
                "console.clusters.dr.address");
    }

    @Test
    void aGeneratedFleetsClustersGetEntriesOnTheirOwnPortsSignedInAsRootAtSys() {
        Map<String, String> entries = DemoFleetConfigSourceFactory.consoleEntries(2901, "pw",
                new DemoFleet.Generated(3, 5, 3450));
        assertThat(entries).containsEntry("console.clusters.dr.address", "127.0.0.1:2904")
                .containsEntry("console.clusters.fleet-001.address", "127.0.0.1:3450")
                .containsEntry("console.clusters.fleet-003.address", "127.0.0.1:3452")
                .containsEntry("console.clusters.fleet-003.user", "root@sys")
                .containsEntry("console.clusters.fleet-003.password", "pw")
                .containsEntry("console.clusters.fleet-003.mode", "sys")
                .doesNotContainKey("console.clusters.fleet-004.address");
    }
}
