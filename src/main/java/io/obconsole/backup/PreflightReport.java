package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import java.util.List;

/**
 * The preflight of an action on a cluster: per tenant what passes and what does not, and the
 * verdict. For all tenants the failures are the tenants OceanBase will skip; the action fails only
 * if none is left, or when OceanBase refuses the statement as a whole (an open job sys started).
 */
public record PreflightReport(String cluster, BackupType type, boolean allTenants, List<TenantPreflight> tenants,
        boolean acknowledged) {

    /** Tenants the backup will actually cover. */
    public List<String> covered() {
        return tenants.stream().filter(t -> !t.blocked()).map(TenantPreflight::tenant).toList();
    }

    /** Tenants OceanBase will skip (all-tenant backups), with why in their findings. */
    public List<TenantPreflight> skipped() {
        return tenants.stream().filter(TenantPreflight::skipped).toList();
    }

    public boolean blocked() {
        return allTenants ? covered().isEmpty() : tenants.stream().anyMatch(TenantPreflight::blocked);
    }

    /** Blocked, and only because backups are already running. */
    public boolean blockedByRunningBackup() {
        List<TenantPreflight> blocking = tenants.stream().filter(TenantPreflight::blocked).toList();
        return blocked() && !blocking.isEmpty() && (sysJobOpen()
                || blocking.stream().allMatch(TenantPreflight::onlyBlockedBecauseRunning));
    }

    /** An open job started from sys: OceanBase refuses the statement as a whole, whatever else each tenant lacks. */
    public boolean sysJobOpen() {
        return findings().stream().anyMatch(f -> f.check() == PreflightFinding.Check.SYS_JOB_OPEN);
    }

    /** Some covered tenant has no full backup, so OceanBase takes a FULL one: the operator must agree. */
    public boolean needsAcknowledgement() {
        return tenants.stream().anyMatch(t -> !t.blocked() && t.needsAcknowledgement());
    }

    /** Whether the action may go ahead. */
    public boolean passed() {
        return !blocked() && (!needsAcknowledgement() || acknowledged);
    }

    public List<PreflightFinding> findings() {
        return tenants.stream().flatMap(t -> t.findings().stream()).toList();
    }
}
