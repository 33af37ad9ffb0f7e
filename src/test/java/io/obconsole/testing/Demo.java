package io.obconsole.testing;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.ManualClock;
import io.obconsole.demo.launch.EmbeddedServices;
import io.quarkus.arc.Arc;

/** The demo cluster and audit database the console started for the tests, for faults and time. */
public final class Demo {

    private Demo() {
    }

    public static DemoCluster cluster() {
        return services().demoCluster();
    }

    /** The demo cluster's clock: in the test profile time moves only when a test advances it. */
    public static ManualClock clock() {
        return services().manualClock().orElseThrow(() -> new IllegalStateException("demo clock is not manual"));
    }

    public static EmbeddedServices services() {
        return Arc.container().instance(EmbeddedServices.class).get();
    }
}
