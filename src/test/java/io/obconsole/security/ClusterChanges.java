package io.obconsole.security;

import io.obconsole.testing.Demo;
import java.util.List;

/** What reached the demo cluster that changes something: the proof that a refusal sent nothing. */
final class ClusterChanges {

    private ClusterChanges() {
    }

    static void forget() {
        Demo.cluster().control().resetStatements();
    }

    static List<String> sent() {
        return Demo.cluster().control().statementsReceived().stream()
                .filter(sql -> sql.startsWith("ALTER SYSTEM") || sql.startsWith("SET ENCRYPTION")
                        || sql.startsWith("SET DECRYPTION"))
                .toList();
    }

    /** Lets whatever a test started end, so the next test finds the tenants idle. */
    static void letJobsEnd() {
        Demo.clock().advanceSeconds(600);
    }
}
