package io.obconsole.api;

import io.obconsole.demo.DemoControl;
import io.obconsole.testing.Demo;
import java.util.List;

/** Puts every tenant's set-up back as the demo scenario starts it (analytics: no destination, never archived, no policies). */
public final class SetupFixture {

    private SetupFixture() {
    }

    public static void restore() {
        ApiFixture.resetCluster();
        DemoControl control = Demo.cluster().control();
        for (String tenant : List.of("mysql_tenant", "oracle_tenant", "analytics")) {
            control.setDeletePolicy(tenant, null);
            control.setLogArchiveDest(tenant, "file:///data/archive/" + tenant);
        }
        control.clearArchive("analytics");
        control.setBackupDest("analytics", "");
        control.resetStatements();
    }
}
