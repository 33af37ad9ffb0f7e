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

    /** A backup of the tenant running on the cluster, started at a terminal (not through the console). */
    static void runningBackupOf(String tenant) {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = " + tenant);
    }

    /** The job id of mysql_tenant's (tenant 1002) running backup. */
    static long runningJobIdOfMysqlTenant() {
        return Demo.query("SELECT JOB_ID FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002").stream()
                .mapToLong(row -> Long.parseLong(String.valueOf(row.get("JOB_ID")))).max().orElseThrow();
    }
}
