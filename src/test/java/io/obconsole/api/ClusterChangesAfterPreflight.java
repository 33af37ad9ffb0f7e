package io.obconsole.api;

import io.obconsole.audit.AuditTrail;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.Preflight;
import io.obconsole.backup.PreflightReport;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.TenantName;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/**
 * The real preflight, plus a way for a test to change the cluster right after it passed and
 * before the BACKUP is sent: what happens when an admin stops archiving or another console starts
 * a backup at that moment, so OceanBase itself answers (9040, 9036). Does nothing unless a test
 * arms it for the next check.
 */
@Alternative
@Priority(1)
@Singleton
public class ClusterChangesAfterPreflight extends Preflight {

    private static volatile Runnable next;

    public ClusterChangesAfterPreflight(AuditTrail audit) {
        super(audit);
    }

    /** Runs {@code change} once, right after the next preflight check. */
    public static void arm(Runnable change) {
        next = change;
    }

    public static void disarm() {
        next = null;
    }

    @Override
    public PreflightReport check(ClusterSnapshot snapshot, ObDialect dialect, List<TenantName> tenants,
            boolean allTenants, BackupType type, boolean acknowledged) {
        PreflightReport report = super.check(snapshot, dialect, tenants, allTenants, type, acknowledged);
        Runnable change = next;
        next = null;
        if (change != null) {
            change.run();
        }
        return report;
    }
}
